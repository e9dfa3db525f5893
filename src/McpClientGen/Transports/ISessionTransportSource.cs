using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace McpClientGen;

/// <summary>
/// Where the sessions of an <see cref="McpConnection"/> come from: a new transport for each session (an HTTP endpoint, or a
/// server process over stdio), and what a failure of one tells the caller. It owns what its transports share (the HTTP client).
/// </summary>
internal interface ISessionTransportSource : IDisposable
{
    /// <summary>What <see cref="McpConnection.Endpoint"/> shows, and <see cref="McpConnectionException.Url"/> names.</summary>
    Uri Endpoint { get; }

    /// <summary>
    /// Whether the protocol revision agreed with <see cref="Endpoint"/> is remembered for later sessions
    /// (<see cref="ProtocolRevisions"/>): only where the endpoint names one server.
    /// </summary>
    bool RemembersProtocolRevision { get; }

    /// <summary>A transport for one new session.</summary>
    IClientTransport CreateTransport(ILoggerFactory? loggerFactory);

    /// <summary>
    /// The failure as the caller should see it, or <see langword="null"/> when it is not a connection failure (it then passes
    /// as it is). <paramref name="session"/> is the session it happened on; <see langword="null"/> while one opens.
    /// </summary>
    ValueTask<McpConnectionException?> DescribeFailureAsync(Exception exception, McpClient? session, bool opening);
}
