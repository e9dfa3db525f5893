using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpClientGen;

/// <summary>
/// One registered stdio client's connection, created on first use from its named <see cref="McpStdioServerOptions"/>.
/// The container disposes it, and with it ends the server process.
/// </summary>
internal sealed class McpStdioClientRegistration(string name, IServiceProvider services) : IAsyncDisposable
{
    private readonly Lazy<McpConnection> _connection = new(() => McpConnection.CreateStdio(
        services.GetRequiredService<IOptionsMonitor<McpStdioServerOptions>>().Get(name),
        services.GetService<ILoggerFactory>()));

    public McpConnection Connection => _connection.Value;

    public ValueTask DisposeAsync() => _connection.IsValueCreated ? _connection.Value.DisposeAsync() : ValueTask.CompletedTask;
}
