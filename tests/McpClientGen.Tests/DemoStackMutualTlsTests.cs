using System.Net;
using System.Text;
using McpClientGen.DemoServer;

namespace McpClientGen.Tests;

/// <summary>
/// The auth handler and the transport together, against a mutual-TLS demo stack, at the one moment the token provider
/// cannot guard: a request that already carries a token when the client certificate is rotated. It must still go over a
/// connection presenting the certificate its token is bound to. The demo stack runs on net10.0 only, and so does this class.
/// </summary>
public sealed class DemoStackMutualTlsTests
{
    [Fact]
    public async Task A_request_holding_a_token_when_the_certificate_rotates_presents_the_certificate_the_token_is_bound_to()
    {
        await using var stack = await DemoStack.StartAsync(new DemoStackOptions { MutualTls = true });
        var client = stack.MutualTls!.SelfSigned;
        using var engine = ClientCredentialsEngine.Create(
            new McpConnectionOptions
            {
                Endpoint = stack.McpEndpoint,
                ClientId = client.ClientId,
                ClientCertificate = client.Certificate,
                ClientAuthentication = ClientAuthenticationMethod.SelfSignedTlsClientAuth,
                AuthorizationServer = stack.Issuer,
                ServerCertificateAuthorities = [stack.MutualTls.ServerCertificate],
            },
            timeProvider: null,
            loggerFactory: null);
        var pause = new PausingHandler { InnerHandler = engine.CreateTransportHandler() };
        using var http = new HttpClient(engine.CreateHandler(pause, ownsEngine: false));

        // The call gets its token and passes the auth handler; the rotation comes before it reaches the transport.
        var held = CallAsync(http, stack.McpEndpoint);
        await pause.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var rotated = engine.Options.Snapshot();
        rotated.ClientCertificate = client.RotatedCertificate;
        engine.Provider.UpdateCredentials(rotated);
        pause.Release.SetResult();

        Assert.Equal(HttpStatusCode.OK, await held);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(http, stack.McpEndpoint));
        var (old, renewed) = (DemoMutualTls.ThumbprintOf(client.Certificate), DemoMutualTls.ThumbprintOf(client.RotatedCertificate));
        Assert.Equal([new DemoCertificateCheck(old, old), new DemoCertificateCheck(renewed, renewed)], stack.CertificateChecks);
        Assert.Equal(0, stack.Mcp401Count);
    }

    private static async Task<HttpStatusCode> CallAsync(HttpClient http, Uri endpoint)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"divide","arguments":{"dividend":5,"divisor":2}}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Holds the first request that reaches it until released; lets the others through.</summary>
    private sealed class PausingHandler : DelegatingHandler
    {
        private int _requests;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _requests) == 1)
            {
                Entered.SetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
