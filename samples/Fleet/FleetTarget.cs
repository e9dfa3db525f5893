using System.Globalization;

namespace McpClientGen.Fleet;

/// <summary>
/// What a worker connects to: the MCP server and the credentials for it, the Redis (or Garnet) server the fleet shares
/// tokens through, and the directory of the Data Protection keys that encrypt them. It travels to a worker as
/// environment variables, the secret included, never as command-line arguments (which other users of the machine can
/// read). <see cref="ToString"/> never shows the secret.
/// </summary>
/// <param name="mcpEndpoint">The MCP endpoint.</param>
/// <param name="clientId">The client id.</param>
/// <param name="clientSecret">The client secret.</param>
/// <param name="redisConnectionString">The StackExchange.Redis connection string of the shared store.</param>
/// <param name="keyDirectory">Where the fleet's Data Protection keys are; see <see cref="FleetDataProtection"/>.</param>
public sealed class FleetTarget(Uri mcpEndpoint, string clientId, string clientSecret, string redisConnectionString, string keyDirectory)
{
    // The configuration keys of the worker: "Mcp" is bound to McpConnectionOptions, "Fleet" is the fleet's own.
    internal const string McpSection = "Mcp";
    internal const string RedisKey = "Fleet:Redis";
    internal const string KeyDirectoryKey = "Fleet:KeyDirectory";

    /// <summary>The MCP endpoint.</summary>
    public Uri McpEndpoint { get; } = mcpEndpoint;

    /// <summary>The client id.</summary>
    public string ClientId { get; } = clientId;

    /// <summary>The StackExchange.Redis connection string of the shared store.</summary>
    public string RedisConnectionString { get; } = redisConnectionString;

    /// <summary>Where the fleet's Data Protection keys are.</summary>
    public string KeyDirectory { get; } = keyDirectory;

    /// <summary>The issuer the secret belongs to; discovery finds its token endpoint. Set this or <see cref="TokenEndpoint"/>.</summary>
    public Uri? AuthorizationServer { get; init; }

    /// <summary>The token endpoint, when discovery is to be skipped.</summary>
    public Uri? TokenEndpoint { get; init; }

    /// <summary>
    /// The workers' <see cref="McpConnectionOptions.TokenRequestTimeout"/>, which also sets how long a lease lasts (twice
    /// this, at most 10 seconds); <see langword="null"/> for the default.
    /// </summary>
    public TimeSpan? TokenRequestTimeout { get; init; }

    /// <summary>The workers' <see cref="McpConnectionOptions.SharedTokenStoreTimeout"/>; <see langword="null"/> for the default.</summary>
    public TimeSpan? SharedTokenStoreTimeout { get; init; }

    /// <summary>The worker's environment: configuration keys in the <c>Section__Key</c> form .NET reads from the environment.</summary>
    internal IReadOnlyDictionary<string, string> ToEnvironment()
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{McpSection}:{nameof(McpConnectionOptions.Endpoint)}"] = McpEndpoint.AbsoluteUri,
            [$"{McpSection}:{nameof(McpConnectionOptions.ClientId)}"] = ClientId,
            [$"{McpSection}:{nameof(McpConnectionOptions.ClientSecret)}"] = clientSecret,
            [$"{McpSection}:{nameof(McpConnectionOptions.AuthorizationServer)}"] = AuthorizationServer?.AbsoluteUri,
            [$"{McpSection}:{nameof(McpConnectionOptions.TokenEndpoint)}"] = TokenEndpoint?.AbsoluteUri,
            [$"{McpSection}:{nameof(McpConnectionOptions.TokenRequestTimeout)}"] =
                TokenRequestTimeout?.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            [$"{McpSection}:{nameof(McpConnectionOptions.SharedTokenStoreTimeout)}"] =
                SharedTokenStoreTimeout?.ToString("c", CultureInfo.InvariantCulture),
            [RedisKey] = RedisConnectionString,
            [KeyDirectoryKey] = KeyDirectory,
        };
        return settings
            .Where(setting => setting.Value is not null)
            .ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!);
    }

    /// <inheritdoc />
    public override string ToString() => $"FleetTarget {{ McpEndpoint = {McpEndpoint}, ClientId = {ClientId} }}";
}
