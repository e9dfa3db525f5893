using System.Net;
using McpClientGen.Tests.Support;

namespace McpClientGen.Tests;

/// <summary>
/// The connection pools of <see cref="ClientCertificateTransport"/>: a request goes over the pool of the certificate it
/// is stamped with (else the default), a rotation retires the previous pool only once its requests in flight are done,
/// and a straggler for a retired certificate gets a pool of its own. Plain HTTP against a <see cref="LoopbackStub"/>: which
/// certificate a pool presents in a handshake is shown against the demo stack (DemoStackMutualTlsTests).
/// </summary>
public sealed class ClientCertificateTransportTests
{
    [Fact]
    public async Task Each_certificate_gets_its_pool_and_a_retired_pool_is_disposed_once_its_request_in_flight_is_done()
    {
        await using var stub = await LoopbackStub.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stub.Fallback = Respond.Status(HttpStatusCode.OK);
        stub.Map("/held", async context =>
        {
            await release.Task;
            context.Response.StatusCode = (int)HttpStatusCode.OK;
        });
        using var first = TestCertificates.SelfSigned("CN=first");
        using var second = TestCertificates.SelfSigned("CN=second");
        var (a, b) = (new ClientCertificate(first, []), new ClientCertificate(second, []));
        var pools = new List<(ClientCertificate? Certificate, SocketsHttpHandler Handler)>();
        using var transport = new ClientCertificateTransport(
            certificate =>
            {
                var handler = new SocketsHttpHandler();
                pools.Add((certificate, handler));
                return handler;
            },
            () => a);
        using var http = new HttpClient(transport);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(stub.Url("/default"))).StatusCode);
        var held = Send(http, stub.Url("/held"), a);
        await stub.WaitForRequestsAsync(2);
        Assert.Equal(HttpStatusCode.OK, (await Send(http, stub.Url("/rotated"), b)).StatusCode);

        // Rotated, but A's request is still in flight: its pool is retired, not yet disposed.
        Assert.Equal([a, b], pools.Select(pool => pool.Certificate));
        Assert.False(IsDisposed(pools[0].Handler));
        release.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
        Assert.True(IsDisposed(pools[0].Handler));

        // A straggler still stamped with the old certificate is sent over a new pool for it, never over B's.
        Assert.Equal(HttpStatusCode.OK, (await Send(http, stub.Url("/straggler"), a)).StatusCode);
        Assert.Equal([a, b, a], pools.Select(pool => pool.Certificate));
        Assert.True(IsDisposed(pools[1].Handler));
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, Uri url, ClientCertificate certificate)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        ClientCertificateTransport.Stamp(request, certificate);
        return http.SendAsync(request);
    }

    private static bool IsDisposed(SocketsHttpHandler handler)
    {
        try
        {
            // Changing a setting of a disposed handler throws; of a handler that has sent, only InvalidOperationException.
            handler.MaxConnectionsPerServer = 2;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
        }

        return false;
    }
}
