using BenchmarkDotNet.Attributes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Benchmarks;

/// <summary>
/// (a, low noise) One tool call through the generated, typed client against the raw SDK call of the same tool, both over
/// the SDK's <see cref="StreamClientTransport"/> on in-memory pipes to the same in-process server (<see cref="InMemoryMcpServer"/>):
/// no Kestrel and no sockets, so the variance is the client's own. <see cref="TypedVsRawCallBenchmarks"/> stays the
/// end-to-end view over loopback HTTP.
/// </summary>
[MemoryDiagnoser]
// Three processes of 30 measured iterations: enough that the 99.9 % error of each mean is smaller than the gap it decides.
[SimpleJob(launchCount: 3, warmupCount: 5, iterationCount: 30)]
public class InMemoryTypedVsRawCallBenchmarks : TypedVsRawCalls
{
    private InMemoryMcpServer _server = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = new InMemoryMcpServer();
        await UseAsync(
            new DemoClient(McpConnection.CreateOverTransport(new Uri("memory:bench"), _server.Connect)),
            await McpClient.CreateAsync(_server.Connect()));
    }

    protected override ValueTask DisposeServerAsync() => _server.DisposeAsync();
}
