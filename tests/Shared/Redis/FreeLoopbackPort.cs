using System.Net;
using System.Net.Sockets;

namespace McpClientGen.Testing.Redis;

/// <summary>
/// A loopback port no one listens on, for a server that must be given its port (and keep it across a restart) rather
/// than be handed one by binding port 0 itself.
/// </summary>
internal static class FreeLoopbackPort
{
    public static int Take()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
