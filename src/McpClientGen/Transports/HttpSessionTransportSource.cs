using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace McpClientGen;

/// <summary>Sessions over Streamable HTTP to one MCP endpoint, all through one <see cref="HttpClient"/>, which this owns.</summary>
internal sealed class HttpSessionTransportSource(Uri endpoint, HttpClient httpClient) : ISessionTransportSource
{
    public Uri Endpoint => endpoint;

    public bool RemembersProtocolRevision => true;

    public IClientTransport CreateTransport(ILoggerFactory? loggerFactory) => new HttpClientTransport(
        new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp },
        httpClient,
        loggerFactory,
        ownsHttpClient: false);

    public ValueTask<McpConnectionException?> DescribeFailureAsync(Exception exception, McpClient? session, bool opening) =>
        ValueTask.FromResult(ConnectionFailures.ForMcpEndpoint(exception, endpoint, opening));

    public void Dispose() => httpClient.Dispose();
}
