using System.Buffers.Text;
using System.Security.Cryptography;

namespace McpClientGen.DemoServer;

/// <summary>
/// An OAuth 2.0 authorization server and an MCP server protected by it, both running in this process on
/// <c>127.0.0.1</c>, with one confidential client registered for the <c>client_credentials</c> grant. Stacks are
/// independent of each other, so tests may run many at once.
/// </summary>
public sealed class DemoStack : IAsyncDisposable
{
    private const string DemoClientId = "demo-client";

    private readonly AuthorizationServerHost authorizationServer;
    private readonly McpServerHost mcpServer;
    private readonly AccessTokenRevocation revocation;
    private int disposed;

    private DemoStack(
        AuthorizationServerHost authorizationServer, McpServerHost mcpServer, AccessTokenRevocation revocation, string clientSecret)
    {
        this.authorizationServer = authorizationServer;
        this.mcpServer = mcpServer;
        this.revocation = revocation;
        ClientSecret = clientSecret;
    }

    /// <summary>The MCP endpoint, e.g. <c>http://127.0.0.1:5123/mcp</c>; also the resource that tokens are issued for.</summary>
    public Uri McpEndpoint => mcpServer.Endpoint;

    /// <summary>The authorization server's issuer identifier exactly as in its metadata, e.g. <c>http://127.0.0.1:5124/</c>.</summary>
    public Uri Issuer => authorizationServer.Issuer;

    /// <summary>The token endpoint, e.g. <c>http://127.0.0.1:5124/connect/token</c>.</summary>
    public Uri TokenEndpoint => authorizationServer.TokenEndpoint;

    /// <summary>The registered client's id, <c>demo-client</c>.</summary>
    public string ClientId => DemoClientId;

    /// <summary>The registered client's secret, generated anew for every stack.</summary>
    public string ClientSecret { get; }

    /// <summary>How many token requests were answered with an access token.</summary>
    public int TokenRequestCount => authorizationServer.TokenResponseCount;

    /// <summary>How many requests to the MCP endpoint were rejected with 401 Unauthorized.</summary>
    public int Mcp401Count => mcpServer.UnauthorizedCount;

    /// <summary>Starts both servers and registers the client.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running stack; dispose it to stop both servers.</returns>
    public static async Task<DemoStack> StartAsync(DemoStackOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DemoStackOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(
            options.AccessTokenLifetime, TimeSpan.Zero, nameof(options.AccessTokenLifetime));

        var revocation = new AccessTokenRevocation();
        var authorizationServer = await AuthorizationServerHost.StartAsync(options, revocation, cancellationToken);
        McpServerHost? mcpServer = null;
        try
        {
            mcpServer = await McpServerHost.StartAsync(options, authorizationServer.Issuer, revocation, cancellationToken);
            // URL-safe characters only, so hand-written Basic authentication works without form-encoding the secret.
            var clientSecret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
            await authorizationServer.ProtectResourceAsync(mcpServer.Endpoint, DemoClientId, clientSecret, cancellationToken);
            return new DemoStack(authorizationServer, mcpServer, revocation, clientSecret);
        }
        catch
        {
            if (mcpServer is not null)
            {
                await mcpServer.DisposeAsync();
            }

            await authorizationServer.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Makes the MCP server reject (401, <c>error="invalid_token"</c>) every access token issued before this call;
    /// tokens issued afterwards are accepted.
    /// </summary>
    public void RevokeIssuedTokens() => revocation.RevokeIssuedTokens();

    /// <summary>Stops both servers and drops the authorization server's database.</summary>
    /// <returns>A task that completes when both servers have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await mcpServer.DisposeAsync();
        }
        finally
        {
            await authorizationServer.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"DemoStack {{ McpEndpoint = {McpEndpoint}, Issuer = {Issuer}, ClientId = {ClientId} }}";
}
