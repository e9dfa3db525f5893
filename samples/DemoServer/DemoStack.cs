using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace McpClientGen.DemoServer;

/// <summary>
/// An OAuth 2.0 authorization server and an MCP server protected by it, both running in this process on
/// <c>127.0.0.1</c>, with confidential clients registered for the <c>client_credentials</c> grant: one with a secret
/// (<see cref="ClientId"/>, <see cref="ClientSecret"/>), one with a secret it may send only as <c>client_secret_post</c>
/// (<see cref="PostOnlyClientId"/>, <see cref="PostOnlyClientSecret"/>), three with keys for <c>private_key_jwt</c>
/// (<see cref="JwtClients"/>) and one federated with the workload platform (<see cref="FederatedClientId"/>); and
/// workloads of that platform (<see cref="Platform"/>) may use the JWT-bearer grant, with or without a client id
/// (<see cref="WorkloadClientId"/>). Stacks are independent of each other, so tests may run many at once.
/// </summary>
public sealed class DemoStack : IAsyncDisposable
{
    private const string DemoClientId = "demo-client";
    private const string DemoPostOnlyClientId = "demo-post-client";

    /// <summary>
    /// The client federated with <see cref="Platform"/>: it holds no secret and no key, and authenticates with the
    /// platform's token for <see cref="DemoPlatformIssuer.WorkloadSubject"/> as its client assertion, sent with this id.
    /// </summary>
    public const string FederatedClientId = "demo-federated";

    /// <summary>
    /// A public client permitted the JWT-bearer grant, for workloads that name a client; the grant works without a
    /// client id too.
    /// </summary>
    public const string WorkloadClientId = "demo-workload";

    private readonly AuthorizationServerHost _authorizationServer;
    private readonly McpServerHost _mcpServer;
    private readonly AccessTokenRevocation _revocation;
    private int _disposed;

    private DemoStack(
        AuthorizationServerHost authorizationServer,
        McpServerHost mcpServer,
        AccessTokenRevocation revocation,
        string clientSecret,
        string postOnlyClientSecret,
        DemoJwtClients jwtClients,
        DemoPlatformIssuer platform,
        DemoMutualTls? mutualTls)
    {
        _authorizationServer = authorizationServer;
        _mcpServer = mcpServer;
        _revocation = revocation;
        ClientSecret = clientSecret;
        PostOnlyClientSecret = postOnlyClientSecret;
        JwtClients = jwtClients;
        Platform = platform;
        MutualTls = mutualTls;
    }

    /// <summary>The MCP endpoint, e.g. <c>http://127.0.0.1:5123/mcp</c>; also the resource that tokens are issued for.</summary>
    public Uri McpEndpoint => _mcpServer.Endpoint;

    /// <summary>The authorization server's issuer identifier exactly as in its metadata, e.g. <c>http://127.0.0.1:5124/</c>.</summary>
    public Uri Issuer => _authorizationServer.Issuer;

    /// <summary>The token endpoint, e.g. <c>http://127.0.0.1:5124/connect/token</c>.</summary>
    public Uri TokenEndpoint => _authorizationServer.TokenEndpoint;

    /// <summary>The protected-resource metadata URL (RFC 9728) that the 401 and 403 challenges name.</summary>
    public Uri ResourceMetadataUrl => _mcpServer.ResourceMetadataUrl;

    /// <summary>
    /// The secret client's id, <c>demo-client</c>. It may authenticate with <c>client_secret_basic</c> or
    /// <c>client_secret_post</c>.
    /// </summary>
    public string ClientId => DemoClientId;

    /// <summary>The secret client's secret, generated anew for every stack.</summary>
    public string ClientSecret { get; }

    /// <summary>
    /// The id of the client registered for <c>client_secret_post</c> only, <c>demo-post-client</c>: sending its secret
    /// in a Basic header gets <c>401 invalid_client</c>, although the metadata lists both secret methods.
    /// </summary>
    public string PostOnlyClientId => DemoPostOnlyClientId;

    /// <summary>The secret of <see cref="PostOnlyClientId"/>, generated anew for every stack.</summary>
    public string PostOnlyClientSecret { get; }

    /// <summary>
    /// The clients that authenticate with <c>private_key_jwt</c>: <c>demo-jwt-es256</c>, <c>demo-jwt-rs256</c> and
    /// <c>demo-jwt-cert</c>, with their private keys. The EC key and the certificate are new for every stack and
    /// disposed with it; the two RSA keys are made once per process and shared by its stacks.
    /// </summary>
    public DemoJwtClients JwtClients { get; }

    /// <summary>
    /// The platform the demo's workloads run on: it mints their tokens, which the authorization server accepts for the
    /// JWT-bearer grant and as the client assertion of <see cref="FederatedClientId"/>. Its key is new for every stack.
    /// </summary>
    public DemoPlatformIssuer Platform { get; }

    /// <summary>
    /// With <see cref="DemoStackOptions.MutualTls"/>: the servers' TLS certificate and the clients that authenticate by
    /// certificate; otherwise <see langword="null"/>.
    /// </summary>
    public DemoMutualTls? MutualTls { get; }

    /// <summary>
    /// With <see cref="DemoStackOptions.MutualTls"/>: the mTLS alias of the token endpoint, e.g.
    /// <c>https://127.0.0.1:5125/connect/token</c>, which requires a client certificate; otherwise <see langword="null"/>.
    /// </summary>
    public Uri? MtlsTokenEndpoint => _authorizationServer.MtlsTokenEndpoint;

    /// <summary>
    /// With <see cref="DemoStackOptions.MutualTls"/>: for every request to the MCP endpoint with an otherwise valid access
    /// token, the certificate its connection presented and the one the token is bound to, in order; otherwise empty.
    /// </summary>
    public IReadOnlyList<DemoCertificateCheck> CertificateChecks => _mcpServer.CertificateChecks;

    /// <summary>How many token requests were answered with an access token, for any client.</summary>
    public int TokenRequestCount => _authorizationServer.TokenResponseCount;

    /// <summary>Every answered token request so far, successful or not, in order.</summary>
    public IReadOnlyList<DemoTokenRequest> TokenRequests => _authorizationServer.TokenRequests;

    /// <summary>How many requests reached the MCP endpoint, whatever their answer.</summary>
    public int McpRequestCount => _mcpServer.RequestCount;

    /// <summary>How many requests to the MCP endpoint were rejected with 401 Unauthorized.</summary>
    public int Mcp401Count => _mcpServer.UnauthorizedCount;

    /// <summary>
    /// How many requests to the MCP endpoint were rejected with 403 Forbidden: a <c>tools/call</c> of a tool whose scope
    /// (<c>demo.write</c> for <c>create_ticket</c>, <c>demo.admin</c> for <c>purge_tickets</c>) the token lacked.
    /// </summary>
    public int Mcp403Count => _mcpServer.ForbiddenCount;

    /// <summary>
    /// The <c>capabilities</c> object the last MCP client declared, exactly as sent: from <c>initialize</c>, or from a
    /// request's <c>_meta["io.modelcontextprotocol/clientCapabilities"]</c> (protocol 2026-07-28). Only requests that
    /// passed authorization count. <see langword="null"/> before any client declared capabilities.
    /// </summary>
    public JsonElement? LastClientCapabilities => _mcpServer.LastClientCapabilities;

    /// <summary>
    /// Every HTTP request to the MCP endpoint in arrival order, as the server received it and before authentication:
    /// headers and JSON-RPC messages, refused requests included.
    /// </summary>
    public IReadOnlyList<DemoMcpRequest> McpRequests => _mcpServer.Requests;

    /// <summary>
    /// The <c>requestId</c> of each <c>notifications/cancelled</c> an MCP client sent, in arrival order, read from the
    /// raw JSON: a string id as its text, a number as its digits.
    /// </summary>
    public IReadOnlyList<string> CancelledRequestIds => _mcpServer.CancelledRequestIds;

    /// <summary>Completes once an MCP client's <c>notifications/cancelled</c> for <paramref name="requestId"/> has arrived.</summary>
    /// <param name="requestId">The JSON-RPC id of the cancelled request, as in <see cref="CancelledRequestIds"/>.</param>
    public Task WhenCancelledNotificationAsync(string requestId) => _mcpServer.WhenCancelledNotificationAsync(requestId);

    /// <summary>
    /// Completes once the <c>wait_until_cancelled</c> call given <paramref name="label"/> has seen its cancellation token
    /// fire, that is, once the server stopped it; the result is the call's JSON-RPC id.
    /// </summary>
    /// <param name="label">The <c>label</c> argument of the call.</param>
    public Task<string> WhenToolCancelledAsync(string label) => _mcpServer.WhenToolCancelledAsync(label);

    /// <summary>
    /// Completes once the <c>wait_until_cancelled</c> call given <paramref name="label"/> is running and watching its
    /// cancellation token: for callers that ask for no progress, and so get no "Started" report to wait for.
    /// </summary>
    /// <param name="label">The <c>label</c> argument of the call.</param>
    public Task WhenToolWaitingAsync(string label) => _mcpServer.WhenToolWaitingAsync(label);

    /// <summary>How many token requests of <paramref name="clientId"/> were answered with an access token.</summary>
    /// <param name="clientId">A client id, e.g. <see cref="ClientId"/> or one of <see cref="JwtClients"/>.</param>
    /// <returns>The number of access tokens issued to that client.</returns>
    public int TokenRequestCountFor(string clientId) =>
        TokenRequests.Count(request => request.Succeeded && request.ClientId == clientId);

    /// <summary>Starts both servers and registers the clients.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running stack; dispose it to stop both servers.</returns>
    public static async Task<DemoStack> StartAsync(DemoStackOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DemoStackOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(
            options.AccessTokenLifetime, TimeSpan.Zero, nameof(options.AccessTokenLifetime));

        var revocation = new AccessTokenRevocation();
        var jwtClients = JwtClientFactory.Create();
        var platform = new DemoPlatformIssuer();
        var mutualTls = options.MutualTls ? DemoMutualTls.Create() : null;
        AuthorizationServerHost? authorizationServer = null;
        McpServerHost? mcpServer = null;
        try
        {
            authorizationServer = await AuthorizationServerHost.StartAsync(options, revocation, platform, mutualTls, cancellationToken);
            mcpServer = await McpServerHost.StartAsync(options, authorizationServer.Issuer, revocation, mutualTls, cancellationToken);
            // URL-safe characters only, so hand-written Basic authentication works without form-encoding the secret.
            var clientSecret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
            var postOnlyClientSecret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
            await authorizationServer.ProtectResourceAsync(
                mcpServer.Endpoint, DemoClientId, clientSecret, jwtClients, cancellationToken);
            await authorizationServer.RegisterPostOnlyClientAsync(DemoPostOnlyClientId, postOnlyClientSecret, cancellationToken);
            return new DemoStack(authorizationServer, mcpServer, revocation, clientSecret, postOnlyClientSecret, jwtClients, platform, mutualTls);
        }
        catch
        {
            if (mcpServer is not null)
            {
                await mcpServer.DisposeAsync();
            }

            if (authorizationServer is not null)
            {
                await authorizationServer.DisposeAsync();
            }

            jwtClients.DisposeKeys();
            platform.Dispose();
            mutualTls?.DisposeCertificates();
            throw;
        }
    }

    /// <summary>
    /// Makes the MCP server reject (401, <c>error="invalid_token"</c>) every access token issued before this call;
    /// tokens issued afterwards are accepted.
    /// </summary>
    public void RevokeIssuedTokens() => _revocation.RevokeIssuedTokens();

    /// <summary>
    /// Makes the MCP server's protected-resource metadata name <paramref name="issuers"/> instead of the demo authorization
    /// server, as a server that moved to another authorization server, or a compromised one collecting credentials,
    /// would. The MCP server still accepts only the demo authorization server's tokens.
    /// </summary>
    /// <param name="issuers">The authorization servers' issuers to name, in order.</param>
    public void AdvertiseAuthorizationServers(params Uri[] issuers) => _mcpServer.AdvertiseAuthorizationServers(issuers);

    /// <summary>Stops both servers and drops the authorization server's database.</summary>
    /// <returns>A task that completes when both servers have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _mcpServer.DisposeAsync();
        }
        finally
        {
            try
            {
                await _authorizationServer.DisposeAsync();
            }
            finally
            {
                JwtClients.DisposeKeys();
                Platform.Dispose();
                MutualTls?.DisposeCertificates();
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"DemoStack {{ McpEndpoint = {McpEndpoint}, Issuer = {Issuer}, ClientId = {ClientId} }}";
}
