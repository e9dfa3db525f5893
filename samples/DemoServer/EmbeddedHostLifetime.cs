namespace McpClientGen.DemoServer;

/// <summary>
/// Leaves start and stop to the <see cref="DemoStack"/> owner. The default console lifetime would swallow Ctrl+C and
/// SIGTERM in whatever process embeds the stack (a test host, a sample) and then wait for a stop nobody requests.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
