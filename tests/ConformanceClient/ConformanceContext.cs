using System.Text.Json;

namespace McpClientGen.ConformanceClient;

/// <summary>
/// The scenario data the suite passes in <c>MCP_CONFORMANCE_CONTEXT</c>: client id, secret or key, or a workload's
/// platform token (<c>valid_jwt</c>, for the JWT-bearer grant), and the tool calls a scenario asks for (<c>toolCalls</c>).
/// </summary>
internal sealed record ConformanceContext(
    string? ClientId, string? ClientSecret, string? PrivateKeyPem, string? SigningAlgorithm, string? WorkloadJwt, IReadOnlyList<ScenarioToolCall> ToolCalls)
{
    public static ConformanceContext FromEnvironment()
    {
        var json = Environment.GetEnvironmentVariable("MCP_CONFORMANCE_CONTEXT");
        if (string.IsNullOrWhiteSpace(json))
        {
            return new ConformanceContext(null, null, null, null, null, []);
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new ConformanceContext(
            Read(root, "client_id"), Read(root, "client_secret"), Read(root, "private_key_pem"), Read(root, "signing_algorithm"), Read(root, "valid_jwt"),
            ScenarioToolCall.ReadAll(root));
    }

    /// <summary>The arguments of the scenario's call of <paramref name="tool"/>, as the generated client's record of them.</summary>
    public T ArgumentsOf<T>(string tool) where T : class =>
        ToolCalls.SingleOrDefault(call => call.Name == tool)?.ArgumentsAs<T>()
        ?? throw new InvalidOperationException($"The scenario's context has no call of '{tool}'.");

    /// <summary>
    /// Connection options for the scenario's MCP server, authenticated as the context says. Each scenario starts its own
    /// authorization server on a port of its choosing, which the client can only learn from the resource's metadata, so
    /// it trusts the one discovered (and pins it for the connection).
    /// </summary>
    public McpConnectionOptions Options(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        ClientId = ClientId ?? throw new InvalidOperationException("The scenario's context has no client_id."),
        ClientSecret = ClientSecret,
        PrivateKey = PrivateKeyPem,
        SigningAlgorithm = SigningAlgorithm,
        TrustDiscoveredAuthorizationServer = true,
    };

    /// <summary>
    /// Connection options for workload identity federation: the workload's platform token is the JWT-bearer grant, given
    /// as the platform would give it (a callback, as for GitHub Actions OIDC), with the context's client id if it has one.
    /// </summary>
    public McpConnectionOptions WorkloadOptions(Uri endpoint)
    {
        var platformToken = WorkloadJwt ?? throw new InvalidOperationException("The scenario's context has no valid_jwt.");
        return new McpConnectionOptions
        {
            Endpoint = endpoint,
            ClientId = ClientId,
            GrantType = TokenGrantType.JwtBearer,
            PlatformTokenProvider = _ => ValueTask.FromResult(platformToken),
            TrustDiscoveredAuthorizationServer = true,
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"ConformanceContext({ClientId}, secret {Hidden(ClientSecret)}, key {Hidden(PrivateKeyPem)}, workload token {Hidden(WorkloadJwt)})";

    private static string Hidden(string? credential) => credential is null ? "none" : "***";

    private static string? Read(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
