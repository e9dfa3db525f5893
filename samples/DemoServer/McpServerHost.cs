using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using ModelContextProtocol.AspNetCore.Authentication;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Protocol;

namespace McpClientGen.DemoServer;

/// <summary>
/// The demo MCP server at <c>/mcp</c>, accepting only access tokens from the demo authorization server that were
/// issued for this endpoint. Unauthenticated requests get the SDK's challenge pointing at the protected-resource
/// metadata (RFC 9728), which names the authorization server; calls of a tool whose scope the token lacks get a 403
/// scope challenge (<see cref="ToolScopeChallenge"/>).
/// </summary>
internal sealed class McpServerHost : IAsyncDisposable
{
    public const string EndpointPath = "/mcp";

    private readonly WebApplication _app;
    private readonly ClientCapabilitiesRecorder _capabilities = new();
    private readonly CancelledNotificationRecorder _cancelledNotifications = new();
    private readonly McpRequestLog _requests = new();
    private readonly ToolCancellations _toolCancellations = new();
    private readonly CertificateBoundTokens _certificateBoundTokens = new();
    private readonly bool _https;
    private Uri? _endpoint;
    private int _requestCount;
    private int _unauthorizedCount;
    private int _forbiddenCount;
    private string[]? _advertisedIssuers;

    private McpServerHost(DemoStackOptions options, Uri issuer, AccessTokenRevocation revocation, DemoMutualTls? mutualTls)
    {
        // With mutual TLS the endpoint is HTTPS only, and asks every client for its certificate.
        _https = mutualTls is not null;
        var builder = LoopbackWebApplication.CreateBuilder(options, listenHttp: !_https);
        if (mutualTls is not null)
        {
            LoopbackWebApplication.ListenHttps(builder, mutualTls.ServerCertificateWithKey, ClientCertificateMode.AllowCertificate);
        }

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
                        else if (_https)
                        {
                            _certificateBoundTokens.Check(context);
                        }

                        return Task.CompletedTask;
                    },
                };
            })
            .AddMcp(mcp =>
            {
                mcp.ResourceMetadata = ResourceMetadata([issuer.AbsoluteUri]);
                mcp.Events.OnResourceMetadataRequest = context =>
                {
                    if (Volatile.Read(ref _advertisedIssuers) is { } advertised)
                    {
                        context.ResourceMetadata = ResourceMetadata(advertised);
                    }

                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, InvalidTokenChallengeHandler>();

        builder.Services.AddSingleton<TicketNumberSequence>();
        builder.Services.AddSingleton(_toolCancellations);
        builder.Services
            .AddMcpServer(server => server.ServerInfo = new Implementation { Name = "demo", Version = "1.0.0" })
            .WithHttpTransport()
            .WithTools<DemoTools>()
            .WithTools<ProgressTools>()
            .WithTools<InputRequestTools>()
            .WithTools([typeof(ParcelDispatchTools)])
            .WithTools([new EchoShapesTool(), new IssueTool(), new ShipmentQuoteTool(), new InvalidHeaderTool()])
            .WithPrompts<DemoPrompts>()
            .WithResources<DemoResources>();

        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(EndpointPath))
            {
                await next(context);
                return;
            }

            Interlocked.Increment(ref _requestCount);
            await next(context);

            if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
            {
                Interlocked.Increment(ref _unauthorizedCount);
            }
            else if (context.Response.StatusCode == StatusCodes.Status403Forbidden)
            {
                Interlocked.Increment(ref _forbiddenCount);
            }
        });
        // Ahead of authentication, so that refused requests and the tokens they carried are kept too.
        _app.Use((context, next) => _requests.InvokeAsync(context, next));
        _app.UseAuthentication();
        _app.UseAuthorization();
        // Both run only for requests that passed authorization: a rejected token never gets a scope challenge, and
        // capabilities count only once the call is let through to the SDK.
        _app.UseMiddleware<ToolScopeChallenge>();
        _app.Use((context, next) => _capabilities.InvokeAsync(context, next));
        _app.Use((context, next) => _cancelledNotifications.InvokeAsync(context, next));
        _app.MapMcp(EndpointPath).RequireAuthorization();
    }

    /// <summary>The MCP endpoint, e.g. <c>http://127.0.0.1:5123/mcp</c>.</summary>
    public Uri Endpoint => _endpoint ?? throw new InvalidOperationException("The MCP server has not started.");

    /// <summary>Requests that reached the MCP endpoint, whatever their answer.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Requests to the MCP endpoint answered with 401.</summary>
    public int UnauthorizedCount => Volatile.Read(ref _unauthorizedCount);

    /// <summary>Requests to the MCP endpoint answered with 403 (a tool needed a scope the token lacked).</summary>
    public int ForbiddenCount => Volatile.Read(ref _forbiddenCount);

    /// <summary>The certificate checks of requests with a valid token, on a mutual-TLS stack; empty otherwise.</summary>
    public IReadOnlyList<DemoCertificateCheck> CertificateChecks => _certificateBoundTokens.Checks;

    /// <summary>The capabilities the last MCP client declared, as JSON; <see langword="null"/> before any did.</summary>
    public JsonElement? LastClientCapabilities => _capabilities.Last;

    /// <summary>Every request to the MCP endpoint, as received, in arrival order.</summary>
    public IReadOnlyList<DemoMcpRequest> Requests => _requests.Requests;

    /// <summary>The <c>requestId</c> of each <c>notifications/cancelled</c> a client sent, in arrival order.</summary>
    public IReadOnlyList<string> CancelledRequestIds => _cancelledNotifications.RequestIds;

    /// <summary>Completes once a <c>notifications/cancelled</c> for <paramref name="requestId"/> has arrived.</summary>
    public Task WhenCancelledNotificationAsync(string requestId) => _cancelledNotifications.WhenReceivedAsync(requestId);

    /// <summary>Completes, with the call's JSON-RPC id, once the <c>wait_until_cancelled</c> call labelled <paramref name="label"/> saw its cancellation.</summary>
    public Task<string> WhenToolCancelledAsync(string label) => _toolCancellations.WhenCancelledAsync(label);

    /// <summary>Completes once the <c>wait_until_cancelled</c> call labelled <paramref name="label"/> is waiting for its cancellation.</summary>
    public Task WhenToolWaitingAsync(string label) => _toolCancellations.WhenWaitingAsync(label);

    /// <summary>The protected-resource metadata URL (RFC 9728) that the 401 and 403 challenges name.</summary>
    public Uri ResourceMetadataUrl => new(Endpoint, "/.well-known/oauth-protected-resource" + Endpoint.AbsolutePath);

    /// <summary>Makes the protected-resource metadata name these issuers instead of the demo authorization server.</summary>
    public void AdvertiseAuthorizationServers(IEnumerable<Uri> issuers) =>
        Volatile.Write(ref _advertisedIssuers, [.. issuers.Select(issuer => issuer.AbsoluteUri)]);

    public static async Task<McpServerHost> StartAsync(
        DemoStackOptions options, Uri issuer, AccessTokenRevocation revocation, DemoMutualTls? mutualTls, CancellationToken cancellationToken)
    {
        var host = new McpServerHost(options, issuer, revocation, mutualTls);
        try
        {
            await host._app.StartAsync(cancellationToken);
            host._endpoint = new Uri(LoopbackWebApplication.GetRootUrl(host._app, host._https ? "https" : "http"), EndpointPath);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private ProtectedResourceMetadata ResourceMetadata(IEnumerable<string> authorizationServers) => new()
    {
        Resource = Endpoint.AbsoluteUri,
        AuthorizationServers = [.. authorizationServers],
        ScopesSupported = [.. DemoScopes.Permitted],
        ResourceName = "Demo MCP server",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
