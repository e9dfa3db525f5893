using System.IO.Pipelines;
using System.Reflection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpClientGen.Benchmarks;

/// <summary>
/// The SDK's MCP server with the <see cref="BenchTools"/> tools, in this process and without Kestrel: each
/// <see cref="Connect"/> starts one server session over a pair of in-memory pipes and returns the client end as the SDK's
/// <see cref="StreamClientTransport"/>, so a call costs the client, the JSON-RPC framing and the tool, and nothing of HTTP.
/// </summary>
internal sealed class InMemoryMcpServer : IAsyncDisposable
{
    // A reader wakes on the writer's thread instead of a thread-pool hop per message: the transports' own loops already
    // run on the pool, and fewer hops leave less scheduling noise in a call's time.
    private static readonly PipeOptions Direct = new(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false);

    private readonly List<(McpServer Server, Task Running)> _sessions = [];
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>A client transport to a new server session; the server runs until <see cref="DisposeAsync"/>.</summary>
    public IClientTransport Connect()
    {
        var toServer = new Pipe(Direct);
        var toClient = new Pipe(Direct);
        var server = McpServer.Create(
            new StreamServerTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream()),
            new McpServerOptions { ToolCollection = [.. Tools()] });
        lock (_sessions)
        {
            _sessions.Add((server, server.RunAsync(_stopping.Token)));
        }

        return new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream());
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var (server, running) in _sessions)
        {
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
                // Stopped on purpose.
            }

            await server.DisposeAsync();
        }

        _stopping.Dispose();
    }

    /// <summary>The tools of <see cref="BenchTools"/>, from their attributes as the hosted servers read them.</summary>
    private static IEnumerable<McpServerTool> Tools() =>
        typeof(BenchTools).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(method => method.GetCustomAttribute<McpServerToolAttribute>() is not null)
            .Select(method => McpServerTool.Create(method, target: null));
}
