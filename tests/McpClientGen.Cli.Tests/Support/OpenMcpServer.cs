using System.ComponentModel;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace McpClientGen.Cli.Tests.Support;

/// <summary>
/// An MCP server that needs no authentication, on loopback, for <c>--no-auth</c>: the demo stack protects its server,
/// and a real server is better evidence than a stub.
/// </summary>
internal sealed class OpenMcpServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private OpenMcpServer(WebApplication app, Uri endpoint)
    {
        this.app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<OpenMcpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        // A client's open event stream must not hold DisposeAsync for the default 30 seconds.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddMcpServer().WithHttpTransport().WithTools<OpenTools>();
        var app = builder.Build();
        app.MapMcp("/mcp");
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new OpenMcpServer(app, new Uri(new Uri(address), "/mcp"));
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [McpServerToolType]
    private sealed class OpenTools
    {
        [McpServerTool(Name = "ping", Title = "Ping"), Description("Answers pong.")]
        public static string Ping() => "pong";
    }
}
