using System.Net;
using System.Net.Sockets;

namespace McpClientGen.FleetTests;

/// <summary>
/// A loopback TCP relay in front of a server that never answers the first connection it accepts (it keeps it open and
/// silent) and relays every later one, byte for byte. In front of the token endpoint it makes the first token request
/// hang, which the real authorization server cannot be made to do, while later requests reach that server unchanged.
/// </summary>
internal sealed class StallFirstConnectionRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _server;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstRequestReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<TcpClient> _connections = [];
    private readonly Task _accepting;

    /// <param name="server">The server relayed to; only its host and port count.</param>
    public StallFirstConnectionRelay(Uri server)
    {
        _server = server;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Completes once the first connection has sent the start of its request, which stays unanswered.</summary>
    public Task FirstRequestReceived => _firstRequestReceived.Task;

    /// <summary>The address of <paramref name="server"/> through this relay: the same path on the relay's port.</summary>
    public Uri Through(Uri server) => new UriBuilder(server) { Port = ((IPEndPoint)_listener.LocalEndpoint).Port }.Uri;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_connections)
        {
            _connections.ForEach(connection => connection.Dispose());
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        var first = true;
        var relays = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                Keep(client);
                relays.Add(first ? StallAsync(client) : RelayAsync(client));
                first = false;
            }
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(relays);
    }

    private async Task StallAsync(TcpClient client)
    {
        try
        {
            var buffer = new byte[1];
            if (await client.GetStream().ReadAsync(buffer, _stopping.Token) > 0)
            {
                _firstRequestReceived.TrySetResult();
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException)
        {
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        try
        {
            using var upstream = new TcpClient();
            await upstream.ConnectAsync(_server.Host, _server.Port, _stopping.Token);
            var toServer = client.GetStream().CopyToAsync(upstream.GetStream(), _stopping.Token);
            var toClient = upstream.GetStream().CopyToAsync(client.GetStream(), _stopping.Token);
            // Either side closing ends the exchange; the using and the final dispose close both.
            await Task.WhenAny(toServer, toClient);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or SocketException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }

    private void Keep(TcpClient client)
    {
        lock (_connections)
        {
            _connections.Add(client);
        }
    }
}
