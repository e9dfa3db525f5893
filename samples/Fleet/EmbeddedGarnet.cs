using System.Net;
using System.Net.Sockets;
using Garnet;
using Garnet.server;

namespace McpClientGen.Fleet;

/// <summary>
/// Garnet, Microsoft Research's Redis-compatible server, in this process on <c>127.0.0.1</c>: memory only, with Lua
/// scripting on (the shared store releases leases and removes rejected tokens with compare-and-delete scripts).
/// </summary>
internal sealed class EmbeddedGarnet : IDisposable
{
    private readonly GarnetServer _server;

    private EmbeddedGarnet(GarnetServer server, int port)
    {
        _server = server;
        ConnectionString = $"127.0.0.1:{port}";
    }

    /// <summary>The StackExchange.Redis connection string, e.g. <c>127.0.0.1:6123</c>.</summary>
    public string ConnectionString { get; }

    public static EmbeddedGarnet Start()
    {
        var port = FreeLoopbackPort();
        var server = new GarnetServer(new GarnetServerOptions
        {
            EndPoints = [new IPEndPoint(IPAddress.Loopback, port)],
            EnableLua = true,
            LuaOptions = new LuaOptions(),
            QuietMode = true,
            // A few tokens and leases, not Garnet's production defaults.
            LogMemorySize = "64m",
            IndexMemorySize = "1m",
        });
        server.Start();
        return new EmbeddedGarnet(server, port);
    }

    public void Dispose() => _server.Dispose();

    // Garnet is given its endpoint before it listens and cannot report a port it picked; one the system just handed out
    // is free for the moment between closing this probe and Garnet's bind.
    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
