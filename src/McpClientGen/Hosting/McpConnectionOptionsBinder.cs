using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace McpClientGen;

/// <summary>
/// Reads <see cref="McpConnectionOptions"/> from a configuration section, key by key: no reflection, so it is
/// trimming- and Native-AOT-safe, and a value that does not parse is reported with its key.
/// <see cref="McpConnectionOptions.SigningCertificate"/>, <see cref="McpConnectionOptions.ClientCertificate"/>,
/// <see cref="McpConnectionOptions.ServerCertificateAuthorities"/>, the selector, the platform-token provider and the
/// input-request handlers (elicitation, sampling, roots provider) are set in code only.
/// </summary>
internal static class McpConnectionOptionsBinder
{
    public static void Bind(IConfiguration section, McpConnectionOptions options)
    {
        options.Endpoint = Read(section, nameof(options.Endpoint), options.Endpoint, AbsoluteUri);
        options.ClientId = section[nameof(options.ClientId)] ?? options.ClientId;
        options.ClientSecret = section[nameof(options.ClientSecret)] ?? options.ClientSecret;
        options.ClientSecretFile = section[nameof(options.ClientSecretFile)] ?? options.ClientSecretFile;
        options.PrivateKey = section[nameof(options.PrivateKey)] ?? options.PrivateKey;
        options.PrivateKeyFile = section[nameof(options.PrivateKeyFile)] ?? options.PrivateKeyFile;
        options.PrivateKeyPassword = section[nameof(options.PrivateKeyPassword)] ?? options.PrivateKeyPassword;
        options.PrivateKeyId = section[nameof(options.PrivateKeyId)] ?? options.PrivateKeyId;
        options.SigningAlgorithm = section[nameof(options.SigningAlgorithm)] ?? options.SigningAlgorithm;
        options.ClientCertificatePath = section[nameof(options.ClientCertificatePath)] ?? options.ClientCertificatePath;
        options.ClientCertificateKeyPath = section[nameof(options.ClientCertificateKeyPath)] ?? options.ClientCertificateKeyPath;
        options.ClientCertificatePassword = section[nameof(options.ClientCertificatePassword)] ?? options.ClientCertificatePassword;
        options.ClientCertificateThumbprint = section[nameof(options.ClientCertificateThumbprint)] ?? options.ClientCertificateThumbprint;
        options.ClientCertificateStoreLocation = Read(section, nameof(options.ClientCertificateStoreLocation), options.ClientCertificateStoreLocation, EnumValue<StoreLocation>);
        options.ClientAuthentication = Read(section, nameof(options.ClientAuthentication), options.ClientAuthentication, EnumValue<ClientAuthenticationMethod>);
        options.PlatformTokenFile = section[nameof(options.PlatformTokenFile)] ?? options.PlatformTokenFile;
        options.GrantType = Read(section, nameof(options.GrantType), options.GrantType, EnumValue<TokenGrantType>);
        options.AssertionAudience = Read(section, nameof(options.AssertionAudience), options.AssertionAudience, EnumValue<AssertionAudience>);
        options.CustomAssertionAudience = section[nameof(options.CustomAssertionAudience)] ?? options.CustomAssertionAudience;
        options.Scopes = section[nameof(options.Scopes)] ?? options.Scopes;
        options.ResourceIndicator = Read(section, nameof(options.ResourceIndicator), options.ResourceIndicator, EnumValue<ResourceIndicatorMode>);
        options.TokenEndpoint = Read(section, nameof(options.TokenEndpoint), options.TokenEndpoint, AbsoluteUri);
        options.AuthorizationServer = Read(section, nameof(options.AuthorizationServer), options.AuthorizationServer, AbsoluteUri);
        options.TrustDiscoveredAuthorizationServer = Read(
            section, nameof(options.TrustDiscoveredAuthorizationServer), options.TrustDiscoveredAuthorizationServer, bool.Parse);
        options.ProtocolVersion = section[nameof(options.ProtocolVersion)] ?? options.ProtocolVersion;
        options.DefaultTokenLifetime = Read(section, nameof(options.DefaultTokenLifetime), options.DefaultTokenLifetime, Duration);
        options.TokenExpirySkew = Read(section, nameof(options.TokenExpirySkew), options.TokenExpirySkew, Duration);
        options.TokenRefreshRatio = Read(section, nameof(options.TokenRefreshRatio), options.TokenRefreshRatio, text => double.Parse(text, CultureInfo.InvariantCulture));
        options.TokenRequestRetries = Read(section, nameof(options.TokenRequestRetries), options.TokenRequestRetries, text => int.Parse(text, CultureInfo.InvariantCulture));
        options.TokenRequestTimeout = Read(section, nameof(options.TokenRequestTimeout), options.TokenRequestTimeout, Duration);
        options.SharedTokenStoreTimeout = Read(section, nameof(options.SharedTokenStoreTimeout), options.SharedTokenStoreTimeout, Duration);
        BindRoots(section.GetSection(nameof(options.Roots)), options);
        foreach (var parameter in section.GetSection(nameof(options.AdditionalTokenParameters)).GetChildren())
        {
            if (parameter.Value is { } value)
            {
                options.AdditionalTokenParameters[parameter.Key] = value;
            }
        }
    }

    /// <summary>Roots as a list of sections with <c>Uri</c> and optional <c>Name</c>; a section with no entries leaves the roots as they were.</summary>
    private static void BindRoots(IConfigurationSection section, McpConnectionOptions options)
    {
        var entries = section.GetChildren().ToList();
        if (section.Value is not null)
        {
            // A single value (one URI, say) is a mistake: the roots are a list of entries with Uri and Name.
            throw new InvalidOperationException(
                $"Invalid McpConnectionOptions: the configuration entry '{section.Path}' must be a list of roots ('{section.Path}:0:{nameof(McpRoot.Uri)}', ...), not a single value.");
        }

        if (entries.Count == 0)
        {
            return;
        }

        options.Roots = [.. entries.Select(entry => new McpRoot(
            entry[nameof(McpRoot.Uri)] is { Length: > 0 } uri
                ? uri
                : throw new InvalidOperationException($"Invalid McpConnectionOptions: the configuration entry '{entry.Path}' has no {nameof(McpRoot.Uri)}."),
            entry[nameof(McpRoot.Name)]))];
    }

    private static T Read<T>(IConfiguration section, string key, T current, Func<string, T> parse)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return current;
        }

        try
        {
            return parse(text.Trim());
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException)
        {
            // The value is left out of the message: a misplaced secret must not be repeated.
            var path = section is IConfigurationSection named ? $"{named.Path}:{key}" : key;
            throw new InvalidOperationException($"Invalid McpConnectionOptions: the configuration value of '{path}' is not a valid {typeof(T).Name}.", exception);
        }
    }

    private static Uri AbsoluteUri(string text) => new(text, UriKind.Absolute);

    private static TEnum EnumValue<TEnum>(string text)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(text, ignoreCase: true);

    /// <summary>A <see cref="TimeSpan"/> (<c>00:05:00</c>) or a number of seconds (<c>300</c>).</summary>
    /// <summary>Seconds (<c>2.5</c>) or a time span (<c>00:00:02.5</c>).</summary>
    internal static TimeSpan Duration(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.Parse(text, CultureInfo.InvariantCulture);
}
