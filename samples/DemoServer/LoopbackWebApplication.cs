using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace McpClientGen.DemoServer;

/// <summary>Builds the in-process hosts of a <see cref="DemoStack"/>: loopback only, on a port the OS picks.</summary>
internal static class LoopbackWebApplication
{
    // An open streaming request must not hold a test's DisposeAsync for the default 30 seconds.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A builder for a host on <c>127.0.0.1</c>; with <paramref name="listenHttp"/> false it has no listener until <see cref="ListenHttps"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(DemoStackOptions options, bool listenHttp = true)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        if (listenHttp)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }

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

    /// <summary>
    /// Adds an HTTPS listener on <c>127.0.0.1</c> (a port the OS picks) with <paramref name="serverCertificate"/> that asks
    /// clients for a certificate. Any client certificate passes the handshake: what it proves is for the host to decide
    /// (OpenIddict checks it against the client's registration, the MCP server against the token's <c>cnf</c>).
    /// </summary>
    public static void ListenHttps(WebApplicationBuilder builder, X509Certificate2 serverCertificate, ClientCertificateMode clientCertificates) =>
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = serverCertificate;
            https.ClientCertificateMode = clientCertificates;
            https.AllowAnyClientCertificate();
        })));

    /// <summary>The root URL Kestrel bound for <paramref name="scheme"/>, e.g. <c>http://127.0.0.1:5123/</c>; only known once the host started.</summary>
    public static Uri GetRootUrl(WebApplication app, string scheme = "http")
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single(address => address.StartsWith(scheme + "://", StringComparison.Ordinal)), UriKind.Absolute);
    }
}
