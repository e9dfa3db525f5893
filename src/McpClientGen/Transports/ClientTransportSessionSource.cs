using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace McpClientGen;

/// <summary>
/// Sessions over whatever SDK transport <paramref name="createTransport"/> makes, one per session: for the benchmarks, the
/// SDK's <see cref="ModelContextProtocol.Protocol.StreamClientTransport"/> over in-memory pipes to an in-process server, so
/// a call measures the client and not Kestrel. Failures pass as they are: the transport is the caller's own.
/// </summary>
internal sealed class ClientTransportSessionSource(Uri endpoint, Func<IClientTransport> createTransport) : ISessionTransportSource
{
    public Uri Endpoint => endpoint;

    /// <summary>Each transport may reach a different server: nothing to remember across sessions.</summary>
    public bool RemembersProtocolRevision => false;

    public IClientTransport CreateTransport(ILoggerFactory? loggerFactory) => createTransport();

    public ValueTask<McpConnectionException?> DescribeFailureAsync(Exception exception, McpClient? session, bool opening) =>
        ValueTask.FromResult<McpConnectionException?>(null);

    /// <summary>Nothing shared to release: each transport belongs to its session, which the connection disposes.</summary>
    public void Dispose()
    {
    }
}
