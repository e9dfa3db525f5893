using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.AspNetCore.Authentication;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Protocol;

namespace McpClientGen.DemoServer;

/// <summary>
/// The demo MCP server at <c>/mcp</c>, accepting only access tokens from the demo authorization server that were
/// issued for this endpoint. Unauthenticated requests get the SDK's challenge pointing at the protected-resource
/// metadata (RFC 9728), which names the authorization server.
/// </summary>
internal sealed class McpServerHost : IAsyncDisposable
{
    public const string EndpointPath = "/mcp";

    private readonly WebApplication app;
    private Uri? endpoint;
    private int unauthorizedCount;

    private McpServerHost(DemoStackOptions options, Uri issuer, AccessTokenRevocation revocation)
    {
        var builder = LoopbackWebApplication.CreateBuilder(options);

        // The option callbacks below run on the first request, once Kestrel has bound the port, so Endpoint is known.
        builder.Services
            .AddAuthentication(authentication =>
            {
                authentication.DefaultAuthenticateScheme = JwtBearerDefaults.AuthenticationScheme;
                authentication.DefaultChallengeScheme = McpAuthenticationDefaults.AuthenticationScheme;
            })
            .AddJwtBearer(jwt =>
            {
                jwt.Authority = issuer.AbsoluteUri;
                jwt.RequireHttpsMetadata = false; // Loopback only.
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters.ValidIssuer = issuer.AbsoluteUri;
                jwt.TokenValidationParameters.ValidAudience = Endpoint.AbsoluteUri;
                // Both hosts share one clock; tests of short-lived tokens need expiry to be exact.
                jwt.TokenValidationParameters.ClockSkew = TimeSpan.Zero;
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (revocation.IsRevoked(context.Principal))
                        {
                            context.Fail(AccessTokenRevocation.RejectionReason);
                        }

                        return Task.CompletedTask;
                    },
                };
            })
            .AddMcp(mcp => mcp.ResourceMetadata = new ProtectedResourceMetadata
            {
                Resource = Endpoint.AbsoluteUri,
                AuthorizationServers = [issuer.AbsoluteUri],
                ScopesSupported = [.. DemoScopes.All],
                ResourceName = "Demo MCP server",
            });
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, InvalidTokenChallengeHandler>();

        builder.Services.AddSingleton<TicketNumberSequence>();
        builder.Services
            .AddMcpServer(server => server.ServerInfo = new Implementation { Name = "demo", Version = "1.0.0" })
            .WithHttpTransport()
            .WithTools<DemoTools>()
            .WithTools([new EchoShapesTool()]);

        app = builder.Build();
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status401Unauthorized
                && context.Request.Path.StartsWithSegments(EndpointPath))
            {
                Interlocked.Increment(ref unauthorizedCount);
            }
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapMcp(EndpointPath).RequireAuthorization();
    }

    /// <summary>The MCP endpoint, e.g. <c>http://127.0.0.1:5123/mcp</c>.</summary>
    public Uri Endpoint => endpoint ?? throw new InvalidOperationException("The MCP server has not started.");

    /// <summary>Requests to the MCP endpoint answered with 401.</summary>
    public int UnauthorizedCount => Volatile.Read(ref unauthorizedCount);

    public static async Task<McpServerHost> StartAsync(
        DemoStackOptions options, Uri issuer, AccessTokenRevocation revocation, CancellationToken cancellationToken)
    {
        var host = new McpServerHost(options, issuer, revocation);
        try
        {
            await host.app.StartAsync(cancellationToken);
            host.endpoint = new Uri(LoopbackWebApplication.GetRootUrl(host.app), EndpointPath);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
