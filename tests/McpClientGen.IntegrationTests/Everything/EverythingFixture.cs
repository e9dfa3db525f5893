namespace McpClientGen.IntegrationTests.Everything;

/// <summary>
/// One server-everything process for a test class, over stdio through <see cref="McpConnection.CreateStdio"/>, with the
/// generated <see cref="EverythingClient"/> on it. Its calls do not depend on each other, so the tests may share it.
/// </summary>
public sealed class EverythingFixture : IAsyncLifetime
{
    private McpConnection? _connection;
    private EverythingClient? _client;

    /// <summary>The generated client on the shared connection.</summary>
    public IEverythingClient Client => _client ?? throw new InvalidOperationException("The server-everything connection has not been created.");

    /// <summary>Installs the server if needed and creates the connection; the process starts with the first call.</summary>
    public async Task InitializeAsync()
    {
        _connection = McpConnection.CreateStdio(await EverythingServer.OptionsAsync());
        _client = new EverythingClient(_connection);
    }

    /// <summary>Ends the server process.</summary>
    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
