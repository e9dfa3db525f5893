using System.Security.Cryptography.X509Certificates;

namespace McpClientGen;

/// <summary>
/// Where an MCP server is and how to authenticate to it with OAuth 2.0 client credentials. Bind it from
/// configuration (for example the section <c>Mcp:Crm</c>); keep <see cref="ClientSecret"/> and
/// <see cref="PrivateKey"/> in a secret store such as user-secrets, environment variables or a vault provider.
/// Each property's configuration key is its name.
/// </summary>
public sealed partial class McpConnectionOptions
{
    private static readonly string[] ReservedTokenParameters =
        ["grant_type", "client_id", "client_secret", "client_assertion", "client_assertion_type", "assertion", "scope", "resource"];

    private Dictionary<string, string> _additionalTokenParameters = new(StringComparer.Ordinal);

    /// <summary>The MCP endpoint, for example <c>https://crm.example.com/mcp</c>. Required.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The OAuth client id registered at the authorization server. Required, except with <see cref="TokenGrantType.JwtBearer"/>,
    /// where it is sent only when set.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret, for <c>client_secret_basic</c> or <c>client_secret_post</c>. Never logged or shown.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The private key for <c>private_key_jwt</c>: a PEM block (PKCS#8 <c>PRIVATE KEY</c>, SEC1
    /// <c>EC PRIVATE KEY</c>, PKCS#1 <c>RSA PRIVATE KEY</c>, or <c>ENCRYPTED PRIVATE KEY</c> with
    /// <see cref="PrivateKeyPassword"/>) or a private JWK as JSON. Never logged or shown.
    /// </summary>
    public string? PrivateKey { get; set; }

    /// <summary>The password of an encrypted PKCS#8 <see cref="PrivateKey"/>.</summary>
    public string? PrivateKeyPassword { get; set; }

    /// <summary>The <c>kid</c> header of client assertions. Defaults to the JWK's <c>kid</c>, or the certificate's thumbprint.</summary>
    public string? PrivateKeyId { get; set; }

    /// <summary>
    /// A certificate with its private key, for <c>private_key_jwt</c>; assertions then carry its <c>kid</c> and
    /// <c>x5t#S256</c> headers. Set in code (it cannot be bound from configuration); use instead of <see cref="PrivateKey"/>.
    /// </summary>
    public X509Certificate2? SigningCertificate { get; set; }

    /// <summary>
    /// The client's TLS certificate with its private key, for <c>tls_client_auth</c> and <c>self_signed_tls_client_auth</c>
    /// (RFC 8705), set in code. It is presented in the TLS handshake of every token request and every MCP request, and
    /// access tokens bound to it are sent only over connections that present it. Use instead of
    /// <see cref="ClientCertificatePath"/> or <see cref="ClientCertificateThumbprint"/>.
    /// </summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>
    /// The client certificate as a file: PEM (the certificate first, then any intermediates; its private key in the same
    /// file or in <see cref="ClientCertificateKeyPath"/>) or PKCS#12 (<c>.pfx</c>/<c>.p12</c>, with
    /// <see cref="ClientCertificatePassword"/>). See <see cref="ClientCertificate"/> for how it is used.
    /// </summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>The PEM private key of the <see cref="ClientCertificatePath"/> certificate, when it is not in the same file.</summary>
    public string? ClientCertificateKeyPath { get; set; }

    /// <summary>The password of a PKCS#12 <see cref="ClientCertificatePath"/>, or of its encrypted PEM private key. Never logged or shown.</summary>
    public string? ClientCertificatePassword { get; set; }

    /// <summary>
    /// The client certificate in the certificate store, by its SHA-1 thumbprint (hex, as certificate tools show it), in the
    /// <c>My</c> store of <see cref="ClientCertificateStoreLocation"/>. See <see cref="ClientCertificate"/> for how it is used.
    /// </summary>
    public string? ClientCertificateThumbprint { get; set; }

    /// <summary>The store location of <see cref="ClientCertificateThumbprint"/>. Default <see cref="StoreLocation.CurrentUser"/>.</summary>
    public StoreLocation ClientCertificateStoreLocation { get; set; } = StoreLocation.CurrentUser;

    /// <summary>
    /// Certificate authorities (or self-signed server certificates) to trust for the TLS certificates of the MCP server and
    /// the authorization server, besides the system's roots: for servers with certificates from a private CA. Set in
    /// code. A server certificate must still be valid, for the host name, and for TLS servers.
    /// </summary>
    public X509Certificate2Collection? ServerCertificateAuthorities { get; set; }

    /// <summary>
    /// The assertion's signing algorithm: <c>ES256</c> (also <c>ES384</c>, <c>ES512</c>) for EC keys, <c>RS256</c>
    /// or <c>PS256</c> (also <c>RS384</c>, <c>PS384</c>, <c>RS512</c>, <c>PS512</c>) for RSA keys. Default: the
    /// authorization server's <c>token_endpoint_auth_signing_alg_values_supported</c> decides: the curve's algorithm
    /// for an EC key, the first of PS256, RS256, PS384, RS384, PS512, RS512 listed for an RSA key; RS256 for an RSA
    /// key when the server lists none (or the token endpoint is configured, so there is no metadata).
    /// </summary>
    public string? SigningAlgorithm { get; set; }

    /// <summary>How the client authenticates to the token endpoint. Default <see cref="ClientAuthenticationMethod.Auto"/>.</summary>
    public ClientAuthenticationMethod ClientAuthentication { get; set; }

    /// <summary>The <c>aud</c> of client assertions. Default <see cref="McpClientGen.AssertionAudience.Issuer"/>.</summary>
    public AssertionAudience AssertionAudience { get; set; }

    /// <summary>The <c>aud</c> of client assertions when <see cref="AssertionAudience"/> is <c>Custom</c>.</summary>
    public string? CustomAssertionAudience { get; set; }

    /// <summary>
    /// Space-separated scopes to request. Defaults to the interface's <see cref="ClientCredentialsAttribute.Scopes"/>.
    /// Scopes a server asks for in a challenge are added to these, never put in their place.
    /// </summary>
    public string? Scopes { get; set; }

    /// <summary>Whether the token request carries the RFC 8707 <c>resource</c> parameter. Default <see cref="ResourceIndicatorMode.Auto"/>.</summary>
    public ResourceIndicatorMode ResourceIndicator { get; set; }

    /// <summary>More form parameters for the token request, such as Auth0's <c>audience</c>.</summary>
    public IDictionary<string, string> AdditionalTokenParameters => _additionalTokenParameters;

    /// <summary>
    /// The token endpoint. When set, discovery (protected-resource and authorization-server metadata) is skipped, and
    /// credentials go to this endpoint only.
    /// </summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>
    /// The issuer of the authorization server the credentials belong to, such as <c>https://login.example.com/</c>.
    /// Discovery reads its metadata for the token endpoint, and the resource's metadata must list it; a resource that
    /// names only other servers is refused with <see cref="McpUntrustedAuthorizationServerException"/>, and they never
    /// see the credentials. Set this, or <see cref="TokenEndpoint"/>, or <see cref="TrustDiscoveredAuthorizationServer"/>.
    /// </summary>
    public Uri? AuthorizationServer { get; set; }

    /// <summary>
    /// With neither <see cref="AuthorizationServer"/> nor <see cref="TokenEndpoint"/> set, whether the credentials may go
    /// to the authorization server the resource's metadata names. Default <see langword="false"/>: credentials are sent
    /// only to a server the configuration names, since a malicious or compromised MCP server could otherwise name one it
    /// runs and collect them. When <see langword="true"/>, the first server discovered (the first listed, or the
    /// <see cref="AuthorizationServerSelector"/>'s pick) is pinned for the life of the connection, and a resource that
    /// later names another is refused with <see cref="McpUntrustedAuthorizationServerException"/> (SEP-2352).
    /// </summary>
    public bool TrustDiscoveredAuthorizationServer { get; set; }

    /// <summary>
    /// Picks one of the resource's <c>authorization_servers</c> (issuers, in the order listed) to trust and pin. Set in
    /// code, together with <see cref="TrustDiscoveredAuthorizationServer"/>; ignored when <see cref="AuthorizationServer"/> is set.
    /// </summary>
    public Func<IReadOnlyList<Uri>, Uri>? AuthorizationServerSelector { get; set; }

    /// <summary>
    /// The MCP protocol version to insist on, such as <c>2025-11-25</c>. Default: the SDK's latest, falling back to
    /// what the server supports. Set it for servers that mishandle the newest revision's <c>server/discover</c> probe.
    /// </summary>
    public string? ProtocolVersion { get; set; }

    /// <summary>How long a token is trusted when the response has no <c>expires_in</c>. Default 5 minutes.</summary>
    public TimeSpan DefaultTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A token is never sent this close to its expiry (shortened to a quarter of the lifetime for short-lived
    /// tokens), so it cannot expire in flight or under clock skew. Default 60 seconds.
    /// </summary>
    public TimeSpan TokenExpirySkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// When, as a fraction of the time a token may be sent (its lifetime less the skew), it is replaced in the
    /// background while callers keep using it. Default 0.8; 1 turns refresh-ahead off.
    /// </summary>
    public double TokenRefreshRatio { get; set; } = 0.8;

    /// <summary>Retries of a token or discovery request after a transient failure (5xx, 408, 429, timeout, network error). Default 3.</summary>
    public int TokenRequestRetries { get; set; } = 3;

    /// <summary>How long one token or discovery request may take. Default 30 seconds.</summary>
    public TimeSpan TokenRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reads options from a configuration section (for example <c>Mcp:Crm</c>), key by key and without reflection,
    /// so it is safe under trimming and Native AOT. A value that does not parse is reported with its key.
    /// </summary>
    /// <param name="section">The section; each key is an option's name.</param>
    public static McpConnectionOptions FromConfiguration(Microsoft.Extensions.Configuration.IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = new McpConnectionOptions();
        McpConnectionOptionsBinder.Bind(section, options);
        return options;
    }

    /// <summary>Describes the options without secrets or keys.</summary>
    public override string ToString() =>
        $"Endpoint={Endpoint}, ClientId={ClientId}, ClientAuthentication={ClientAuthentication}, ClientSecret={Hidden(ClientSecret)}, " +
        $"ClientSecretFile={ClientSecretFile ?? "<none>"}, PrivateKey={Hidden(PrivateKey)}, PrivateKeyFile={PrivateKeyFile ?? "<none>"}, SigningCertificate={SigningCertificate?.Thumbprint ?? "<none>"}, ClientCertificate={ClientCertificateSource}, " +
        $"PlatformTokenFile={PlatformTokenFile ?? "<none>"}, PlatformTokenProvider={(PlatformTokenProvider is null ? "<none>" : "<set>")}, GrantType={GrantType}, " +
        $"Scopes={Scopes}, TokenEndpoint={TokenEndpoint}, SharedTokenStore={SharedTokenStore?.GetType().Name ?? "<none>"}";

    /// <summary>Whether a client certificate is configured, in any of its three ways.</summary>
    internal bool HasClientCertificate =>
        ClientCertificate is not null || !string.IsNullOrWhiteSpace(ClientCertificatePath) || !string.IsNullOrWhiteSpace(ClientCertificateThumbprint);

    /// <summary>Where the client certificate comes from: thumbprint or path, never key or password.</summary>
    private string ClientCertificateSource =>
        ClientCertificate?.Thumbprint ?? ClientCertificatePath ?? (ClientCertificateThumbprint is { } thumbprint ? $"{ClientCertificateStoreLocation}/My/{thumbprint}" : "<none>");

    /// <summary>A copy that uses <paramref name="defaultScopes"/> when no scopes are configured.</summary>
    internal McpConnectionOptions WithDefaultScopes(string? defaultScopes)
    {
        var copy = Snapshot();
        if (string.IsNullOrWhiteSpace(copy.Scopes))
        {
            copy.Scopes = defaultScopes;
        }

        return copy;
    }

    /// <summary>An independent copy, so the caller's later changes do not reach a connection made from it.</summary>
    internal McpConnectionOptions Snapshot()
    {
        var copy = (McpConnectionOptions)MemberwiseClone();
        copy._additionalTokenParameters = new Dictionary<string, string>(AdditionalTokenParameters, StringComparer.Ordinal);
        copy.Roots = Roots is null ? null : [.. Roots];
        copy.ServerCertificateAuthorities = ServerCertificateAuthorities is null ? null : new X509Certificate2Collection(ServerCertificateAuthorities);
        return copy;
    }

    /// <summary>Throws when a setting is missing or wrong, naming its configuration key.</summary>
    /// <param name="inputHandlers">
    /// Whether to check the input handlers' settings too: they are read once, when the client starts, so the settings of
    /// a reload are checked only for what it changes (the credentials).
    /// </param>
    internal void Validate(bool inputHandlers = true)
    {
        // Each entry is a setting to set, or alternatives of which to set one.
        var missing = new List<string[]>();
        if (Endpoint is null)
        {
            missing.Add([nameof(Endpoint)]);
        }

        var jwtBearer = GrantType == TokenGrantType.JwtBearer;
        if (string.IsNullOrWhiteSpace(ClientId) && !jwtBearer)
        {
            missing.Add([nameof(ClientId)]);
        }

        var hasKey = HasSigningKey;
        var hasSecret = HasClientSecret;
        if (HasPlatformToken)
        {
            ValidatePlatformTokenUse(hasKey, hasSecret);
        }
        else if (jwtBearer || ClientAuthentication == ClientAuthenticationMethod.PlatformAssertion)
        {
            missing.Add([nameof(PlatformTokenFile), nameof(PlatformTokenProvider)]);
        }

        switch (ClientAuthentication)
        {
            case ClientAuthenticationMethod.ClientSecretBasic or ClientAuthenticationMethod.ClientSecretPost when !hasSecret:
                missing.Add([nameof(ClientSecret), nameof(ClientSecretFile)]);
                break;
            case ClientAuthenticationMethod.PrivateKeyJwt when !hasKey:
                missing.Add([nameof(PrivateKey), nameof(PrivateKeyFile), nameof(SigningCertificate)]);
                break;
            case ClientAuthenticationMethod.TlsClientAuth or ClientAuthenticationMethod.SelfSignedTlsClientAuth when !HasClientCertificate:
                missing.Add([nameof(ClientCertificatePath), nameof(ClientCertificateThumbprint), nameof(ClientCertificate)]);
                break;
            case ClientAuthenticationMethod.Auto when !hasKey && !hasSecret && !HasPlatformToken && !jwtBearer && !HasClientCertificate:
                missing.Add([nameof(ClientSecret), nameof(ClientSecretFile), nameof(PrivateKey), nameof(PrivateKeyFile), nameof(PlatformTokenFile), nameof(ClientCertificatePath)]);
                break;
        }

        if (missing.Count > 0)
        {
            throw Invalid($"the MCP connection options are incomplete: set {MissingSettings(missing)} (configuration keys of the same names).");
        }

        if (!string.IsNullOrWhiteSpace(PrivateKey) && SigningCertificate is not null)
        {
            throw Invalid($"set either {nameof(PrivateKey)} or {nameof(SigningCertificate)}, not both.");
        }

        ValidateCredentialFiles();

        ValidateClientCertificate();

        if (AssertionAudience == AssertionAudience.Custom && string.IsNullOrWhiteSpace(CustomAssertionAudience))
        {
            throw Invalid($"{nameof(AssertionAudience)} is Custom, so set {nameof(CustomAssertionAudience)}.");
        }

        if (TokenEndpoint is not null && hasKey && ClientAuthentication != ClientAuthenticationMethod.ClientSecretBasic
            && ClientAuthentication != ClientAuthenticationMethod.ClientSecretPost && AssertionAudience == AssertionAudience.Issuer)
        {
            throw Invalid(
                $"{nameof(TokenEndpoint)} is set, so discovery is skipped and the issuer that client assertions are addressed to is unknown; " +
                $"set {nameof(AssertionAudience)} to TokenEndpoint, or to Custom with {nameof(CustomAssertionAudience)}.");
        }

        ValidateAuthorizationServerTrust();

        if (inputHandlers)
        {
            ValidateInputHandlers();
        }

        if (AdditionalTokenParameters.Keys.FirstOrDefault(name => ReservedTokenParameters.Contains(name, StringComparer.Ordinal)) is { } reserved)
        {
            throw Invalid($"{nameof(AdditionalTokenParameters)} may not set '{reserved}'; it is set from the other options.");
        }

        if (DefaultTokenLifetime <= TimeSpan.Zero || TokenExpirySkew < TimeSpan.Zero || TokenRequestTimeout <= TimeSpan.Zero || SharedTokenStoreTimeout <= TimeSpan.Zero)
        {
            throw Invalid($"{nameof(DefaultTokenLifetime)}, {nameof(TokenRequestTimeout)} and {nameof(SharedTokenStoreTimeout)} must be positive, and {nameof(TokenExpirySkew)} must not be negative.");
        }

        if (TokenRefreshRatio is <= 0 or > 1 || double.IsNaN(TokenRefreshRatio))
        {
            throw Invalid($"{nameof(TokenRefreshRatio)} must be greater than 0 and at most 1.");
        }

        if (TokenRequestRetries is < 0 or > 10)
        {
            throw Invalid($"{nameof(TokenRequestRetries)} must be between 0 and 10.");
        }

        EndpointRules.EnsureSecure(Endpoint!, "MCP endpoint");
        if (TokenEndpoint is not null)
        {
            EndpointRules.EnsureSecure(TokenEndpoint, "token endpoint");
        }
    }

    /// <summary>The opt-in to trusting discovery applies only where the configuration names no authorization server.</summary>
    private void ValidateAuthorizationServerTrust()
    {
        if (TrustDiscoveredAuthorizationServer && (AuthorizationServer ?? TokenEndpoint) is not null)
        {
            var named = AuthorizationServer is not null ? nameof(AuthorizationServer) : nameof(TokenEndpoint);
            throw Invalid(
                $"{nameof(TrustDiscoveredAuthorizationServer)} trusts the authorization server a resource names when the configuration names " +
                $"none, but {named} names one; remove one of the two.");
        }

        if (AuthorizationServerSelector is not null && AuthorizationServer is null && TokenEndpoint is null && !TrustDiscoveredAuthorizationServer)
        {
            throw Invalid(
                $"{nameof(AuthorizationServerSelector)} picks among the authorization servers a resource names, which trusts discovery: " +
                $"set {nameof(TrustDiscoveredAuthorizationServer)} to true as well, or name the issuer in {nameof(AuthorizationServer)} instead.");
        }
    }

    /// <summary>One source of the client certificate at most, and the file options only with a file.</summary>
    private void ValidateClientCertificate()
    {
        var sources = new[]
        {
            (nameof(ClientCertificate), ClientCertificate is not null),
            (nameof(ClientCertificatePath), !string.IsNullOrWhiteSpace(ClientCertificatePath)),
            (nameof(ClientCertificateThumbprint), !string.IsNullOrWhiteSpace(ClientCertificateThumbprint)),
        }.Where(source => source.Item2).Select(source => source.Item1).ToList();
        if (sources.Count > 1)
        {
            throw Invalid($"set one client certificate, not {string.Join(" and ", sources)}.");
        }

        if (string.IsNullOrWhiteSpace(ClientCertificatePath)
            && (!string.IsNullOrWhiteSpace(ClientCertificateKeyPath) || ClientCertificatePassword is not null))
        {
            throw Invalid($"{nameof(ClientCertificateKeyPath)} and {nameof(ClientCertificatePassword)} belong to a {nameof(ClientCertificatePath)}, which is not set.");
        }
    }

    /// <summary>"Endpoint and ClientId, and one of ClientSecret, PrivateKey or PlatformTokenFile": what must be set, unambiguously.</summary>
    private static string MissingSettings(List<string[]> missing)
    {
        var required = missing.Where(group => group.Length == 1).Select(group => group[0]).ToList();
        var parts = new List<string>();
        if (required.Count > 0)
        {
            parts.Add(Enumeration(required, "and"));
        }

        parts.AddRange(missing.Where(group => group.Length > 1).Select(group => "one of " + Enumeration(group, "or")));
        return string.Join(", and ", parts);
    }

    /// <summary>"A", "A and B", "A, B and C" (or with "or").</summary>
    private static string Enumeration(IReadOnlyList<string> items, string conjunction) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} {conjunction} {items[^1]}";

    private static InvalidOperationException Invalid(string problem) => new("Invalid McpConnectionOptions: " + problem);

    private static string Hidden(string? secret) => secret is null ? "<none>" : "***";
}
