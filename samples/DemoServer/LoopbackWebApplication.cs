using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace McpClientGen.DemoServer;

/// <summary>Builds the in-process hosts of a <see cref="DemoStack"/>: loopback only, on a port the OS picks.</summary>
internal static class LoopbackWebApplication
{
    // An open streaming request must not hold a test's DisposeAsync for the default 30 seconds.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    public static WebApplicationBuilder CreateBuilder(DemoStackOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        // Keys in memory: the default key ring is a folder in the user profile, written by every stack.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();

        builder.Logging.ClearProviders();
        if (options.ConfigureLogging is { } configureLogging)
        {
            configureLogging(builder.Logging);
        }
        else
        {
            builder.Logging
                .AddSimpleConsole()
                .SetMinimumLevel(LogLevel.Warning)
                // The SDK logs every failing tool call as an error with a stack trace, including the deliberate
                // failures tests provoke (dividing by zero); clients get them as isError results anyway.
                .AddFilter("ModelContextProtocol.Server.McpServer", LogLevel.Critical);
        }

        return builder;
    }

    /// <summary>The root URL Kestrel bound, e.g. <c>http://127.0.0.1:5123/</c>; only known once the host started.</summary>
    public static Uri GetRootUrl(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single(), UriKind.Absolute);
    }
}
