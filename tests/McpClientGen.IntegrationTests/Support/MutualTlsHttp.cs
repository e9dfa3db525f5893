using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using McpClientGen.DemoServer;

namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// Plain <see cref="HttpClient"/>s for a mutual-TLS demo stack, written out by hand rather than through the runtime: for
/// what a misbehaving client would send, such as a bound token without its certificate. They trust exactly the stack's
/// server certificate and present the given client certificate, or none.
/// </summary>
internal static class MutualTlsHttp
{
    public static HttpClient Client(DemoStack stack, X509Certificate2? clientCertificate)
    {
        var serverCertificate = stack.MutualTls!.ServerCertificate;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(serverCertificate.RawData);
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificateContext = SslStreamCertificateContext.Create(clientCertificate, additionalCertificates: null, offline: true);
        }

        return new HttpClient(handler);
    }

    /// <summary>A token for <paramref name="client"/> from the mTLS alias, authenticated and bound by <paramref name="certificate"/>.</summary>
    public static async Task<string> RequestTokenAsync(DemoStack stack, DemoMtlsClient client, X509Certificate2 certificate)
    {
        using var http = Client(stack, certificate);
        using var response = await http.PostAsync(stack.MtlsTokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["scope"] = "demo.read",
            ["resource"] = stack.McpEndpoint.AbsoluteUri,
        }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>Calls <c>divide</c> with <paramref name="token"/> over a connection presenting <paramref name="certificate"/> (or none).</summary>
    public static async Task<HttpResponseMessage> CallToolAsync(DemoStack stack, string token, X509Certificate2? certificate)
    {
        using var http = Client(stack, certificate);
        using var request = McpToolCallRequest.Create(stack.McpEndpoint, "divide", """{"dividend":5,"divisor":2}""");
        request.Headers.Authorization = new("Bearer", token);
        var response = await http.SendAsync(request);
        // The body is read before the client (and its connection) goes away.
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
