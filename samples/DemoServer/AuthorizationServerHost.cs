using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace McpClientGen.DemoServer;

/// <summary>
/// An OpenIddict authorization server that only grants <c>client_credentials</c> and issues signed, unencrypted JWT
/// access tokens, so that a plain JwtBearer resource server can validate them. Its stores live in a private in-memory
/// SQLite database that exists as long as this host.
/// </summary>
internal sealed class AuthorizationServerHost : IAsyncDisposable
{
    private readonly SqliteConnection database;
    private readonly WebApplication app;
    private Uri? issuer;
    private Uri? protectedResource;
    private int tokenResponseCount;

    private AuthorizationServerHost(DemoStackOptions options, AccessTokenRevocation revocation)
    {
        // A uniquely named shared-cache database keeps stacks in one process apart. It lives exactly as long as its
        // last open connection: this one, since pooling would keep EF Core's connections open after the stack is gone.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"demo-authorization-server-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            Pooling = false,
        }.ToString();
        database = new SqliteConnection(connectionString);

        var builder = LoopbackWebApplication.CreateBuilder(options);
        builder.Services.AddDbContext<DemoDbContext>(db => db.UseSqlite(connectionString).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<DemoDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(ClientCredentialsTokenEndpoint.Path)
                    // MCP clients try the OAuth metadata path (RFC 8414) before the OpenID Connect one.
                    .SetConfigurationEndpointUris("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")
                    .AllowClientCredentialsFlow()
                    .RegisterScopes(DemoScopes.All)
                    .SetAccessTokenLifetime(options.AccessTokenLifetime)
                    // The built-in ephemeral RSA keys are 4096-bit and take seconds to generate; these are instant.
                    .AddEphemeralSigningKey(SecurityAlgorithms.EcdsaSha256)
                    .AddEphemeralEncryptionKey(SecurityAlgorithms.Aes256KW)
                    .DisableAccessTokenEncryption()
                    // Access tokens are self-contained JWTs; storing each one would only add a database write.
                    .DisableTokenStorage()
                    // Issuer and resource are known only once the hosts listen. Options are first used on the first
                    // request, which cannot come before DemoStack.StartAsync has returned and told anyone the port.
                    .Configure(server =>
                    {
                        server.Issuer = Issuer;
                        server.Resources.Add(ProtectedResource);
                    })
                    .AddEventHandler<ApplyTokenResponseContext>(handler => handler.UseInlineHandler(context =>
                    {
                        if (context.Error is null)
                        {
                            Interlocked.Increment(ref tokenResponseCount);
                        }

                        return ValueTask.CompletedTask;
                    }));

                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    // Loopback only: the demo stack never listens on anything but 127.0.0.1.
                    .DisableTransportSecurityRequirement();
            });

        app = builder.Build();
        ClientCredentialsTokenEndpoint.Map(app, revocation);
    }

    /// <summary>The issuer identifier, e.g. <c>http://127.0.0.1:5124/</c>.</summary>
    public Uri Issuer => issuer ?? throw new InvalidOperationException("The authorization server has not started.");

    /// <summary>The token endpoint, e.g. <c>http://127.0.0.1:5124/connect/token</c>.</summary>
    public Uri TokenEndpoint => new(Issuer, ClientCredentialsTokenEndpoint.Path);

    /// <summary>Token responses that carried an access token.</summary>
    public int TokenResponseCount => Volatile.Read(ref tokenResponseCount);

    public static async Task<AuthorizationServerHost> StartAsync(
        DemoStackOptions options, AccessTokenRevocation revocation, CancellationToken cancellationToken)
    {
        var host = new AuthorizationServerHost(options, revocation);
        try
        {
            await host.database.OpenAsync(cancellationToken);
            await using (var scope = host.app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DemoDbContext>().Database.EnsureCreatedAsync(cancellationToken);
            }

            await host.app.StartAsync(cancellationToken);
            host.issuer = LoopbackWebApplication.GetRootUrl(host.app);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Makes <paramref name="resource"/> the resource this server issues tokens for, and registers the one confidential
    /// client that may get them, with every demo scope.
    /// </summary>
    public async Task ProtectResourceAsync(Uri resource, string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        protectedResource = resource;
        var client = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Demo client",
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Resource + resource.AbsoluteUri,
            },
        };
        foreach (var scope in DemoScopes.All)
        {
            client.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        await using var services = app.Services.CreateAsyncScope();
        await services.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(client, cancellationToken);
    }

    /// <summary>The one resource (RFC 8707) this server issues tokens for: the MCP endpoint.</summary>
    private Uri ProtectedResource =>
        protectedResource ?? throw new InvalidOperationException("The authorization server protects no resource yet.");

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await database.DisposeAsync();
    }
}
