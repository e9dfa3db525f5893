using BenchmarkDotNet.Attributes;
using McpClientGen.Testing;
using ModelContextProtocol.Client;

namespace McpClientGen.Benchmarks;

/// <summary>
/// (a) One tool call through the generated, typed client against the raw SDK call of the same tool, on the same
/// unauthenticated in-process server over loopback HTTP. Both keep one open session.
/// </summary>
[MemoryDiagnoser]
// Loopback HTTP calls vary by tens of percent between iterations on a 2-core VM: a short run (3 iterations) cannot
// resolve a 2-3 % ratio, so these take 20 measured iterations.
[SimpleJob(warmupCount: 5, iterationCount: 20)]
public class TypedVsRawCallBenchmarks : TypedVsRawCalls
{
    private LoopbackMcpServer _server = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackMcpServer.StartAsync<BenchTools>();
        await UseAsync(
            new DemoClient(McpConnection.CreateUnauthenticated(_server.Endpoint)),
            await McpClient.CreateAsync(new HttpClientTransport(
                new HttpClientTransportOptions { Endpoint = _server.Endpoint, TransportMode = HttpTransportMode.StreamableHttp })));
    }

    protected override ValueTask DisposeServerAsync() => _server.DisposeAsync();
}
