using System.ComponentModel;
using System.Net;
using McpClientGen.DemoServer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpClientGen.Benchmarks;

/// <summary>
/// A minimal MCP server without authentication, in this process on <c>127.0.0.1</c>, with the demo server's
/// <c>get_weather</c> tool declared exactly as there (same attributes and types), so <c>schemas/demo.mcp.json</c>
/// describes it and the generated <see cref="IDemoClient"/> can call it.
/// </summary>
public sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private BenchServer(WebApplication app, Uri endpoint)
    {
        this.app = app;
        Endpoint = endpoint;
    }

    /// <summary>The MCP endpoint, e.g. <c>http://127.0.0.1:5123/mcp</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Starts the server on a port the OS picks.</summary>
    public static async Task<BenchServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services
            .AddMcpServer(server => server.ServerInfo = new Implementation { Name = "bench", Version = "1.0.0" })
            .WithHttpTransport()
            .WithTools<BenchTools>();
        var app = builder.Build();
        app.MapMcp("/mcp");
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new BenchServer(app, new Uri(new Uri(addresses.Addresses.Single()), "/mcp"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>The demo server's <c>get_weather</c>, declared the same way, without the demo's authentication.</summary>
[McpServerToolType]
internal sealed class BenchTools
{
    [McpServerTool(Name = "get_weather", Title = "Get weather", ReadOnly = true, Idempotent = true, UseStructuredContent = true)]
    [Description("Reports the current weather in a city. The demo derives it from the city's name, so it never changes.")]
    public static WeatherReport GetWeather([Description("The city's name, e.g. 'Oslo'.")] string city) => DemoWeather.For(city);
}
