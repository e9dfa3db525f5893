using System.Net;
using System.Net.Sockets;

namespace McpClientGen.Tests.Support;

/// <summary>A loopback port that was just bound and released, so a connection to it is refused.</summary>
internal static class ClosedPort
{
    /// <summary>The URL of <paramref name="path"/> on a closed loopback port.</summary>
    public static Uri Url(string path)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}{path}");
    }
}
