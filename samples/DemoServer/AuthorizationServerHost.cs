using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace McpClientGen.DemoServer;

/// <summary>
/// An OpenIddict authorization server that grants <c>client_credentials</c> and the JWT-bearer grant of workload identity
/// federation (<see cref="WorkloadJwtBearerGrant"/>), and issues signed, unencrypted JWT
/// access tokens, so that a plain JwtBearer resource server can validate them. Its stores live in a private in-memory
/// SQLite database that exists as long as this host.
/// </summary>
internal sealed class AuthorizationServerHost : IAsyncDisposable
{
    private readonly SqliteConnection _database;
    private readonly WebApplication _app;
    private readonly TokenRequestLog _tokenRequests = new();
    private readonly DemoPlatformIssuer _platform;
    private Uri? _issuer;
    private Uri? _protectedResource;
    private int _tokenResponseCount;

    private AuthorizationServerHost(DemoStackOptions options, AccessTokenRevocation revocation, DemoPlatformIssuer platform)
    {
        _platform = platform;
        // A uniquely named shared-cache database keeps stacks in one process apart. It lives exactly as long as its
        // last open connection: this one, since pooling would keep EF Core's connections open after the stack is gone.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"demo-authorization-server-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            Pooling = false,
        }.ToString();
        _database = new SqliteConnection(connectionString);

        var builder = LoopbackWebApplication.CreateBuilder(options);
        builder.Services.AddDbContext<DemoDbContext>(db => db.UseSqlite(connectionString).UseOpenIddict());
        builder.Services.AddSingleton(platform);
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<DemoDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(ClientCredentialsTokenEndpoint.Path)
                    // MCP clients try the OAuth metadata path (RFC 8414) before the OpenID Connect one.
                    .SetConfigurationEndpointUris("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")
                    .AllowClientCredentialsFlow()
                    // Workload identity federation (SEP-1933): with or without a client id, so anonymous clients are let in
                    // for it; client_credentials still demands an authenticated client.
                    .AllowCustomFlow(WorkloadJwtBearerGrant.GrantType)
                    .AcceptAnonymousClients()
                    .RegisterScopes(DemoScopes.Registered)
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
                            Interlocked.Increment(ref _tokenResponseCount);
                        }

                        _tokenRequests.Record(context);
                        return ValueTask.CompletedTask;
                    }))
                    .AddEventHandler(ClientAssertionMetadata.Descriptor)
                    .AddEventHandler(InvalidScopeForUnpermittedScopes.Descriptor)
                    .AddEventHandler(RegisteredSecretMethodOnly.Descriptor)
                    .AddEventHandler(WorkloadJwtBearerGrant.Descriptor)
                    .AddEventHandler(FederatedClientAssertion.Descriptor);

                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    // Loopback only: the demo stack never listens on anything but 127.0.0.1.
                    .DisableTransportSecurityRequirement();
            });

        _app = builder.Build();
        ClientCredentialsTokenEndpoint.Map(_app, revocation);
    }

    /// <summary>The issuer identifier, e.g. <c>http://127.0.0.1:5124/</c>.</summary>
    public Uri Issuer => _issuer ?? throw new InvalidOperationException("The authorization server has not started.");

    /// <summary>The token endpoint, e.g. <c>http://127.0.0.1:5124/connect/token</c>.</summary>
    public Uri TokenEndpoint => new(Issuer, ClientCredentialsTokenEndpoint.Path);

    /// <summary>Token responses that carried an access token.</summary>
    public int TokenResponseCount => Volatile.Read(ref _tokenResponseCount);

    /// <summary>Every token response so far, in order.</summary>
    public IReadOnlyList<DemoTokenRequest> TokenRequests => _tokenRequests.Snapshot();

    public static async Task<AuthorizationServerHost> StartAsync(
        DemoStackOptions options, AccessTokenRevocation revocation, DemoPlatformIssuer platform, CancellationToken cancellationToken)
    {
        var host = new AuthorizationServerHost(options, revocation, platform);
        try
        {
            await host._database.OpenAsync(cancellationToken);
            await using (var scope = host._app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DemoDbContext>().Database.EnsureCreatedAsync(cancellationToken);
            }

            await host._app.StartAsync(cancellationToken);
            host._issuer = LoopbackWebApplication.GetRootUrl(host._app);
            platform.DefaultAudience = host._issuer;
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Makes <paramref name="resource"/> the resource this server issues tokens for, and registers the clients that may
    /// get them: one with a secret (<c>client_secret_basic</c> or <c>client_secret_post</c>, both on by default in
    /// OpenIddict's ASP.NET Core host), the <c>private_key_jwt</c> clients, whose public keys go into their JSON Web Key
    /// Sets, the client federated with the platform (<see cref="FederatedClientAssertion"/>), and the public client of
    /// the JWT-bearer grant. Each is permitted <see cref="DemoScopes.Permitted"/>, never <see cref="DemoScopes.Admin"/>.
    /// </summary>
    public async Task ProtectResourceAsync(
        Uri resource, string clientId, string clientSecret, DemoJwtClients jwtClients, CancellationToken cancellationToken)
    {
        _protectedResource = resource;
        await using var services = _app.Services.CreateAsyncScope();
        var applications = services.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        var secretClient = CreateClient(clientId, "Demo client", resource);
        secretClient.ClientSecret = clientSecret;
        await applications.CreateAsync(secretClient, cancellationToken);

        foreach (var jwtClient in jwtClients.All)
        {
            var client = CreateClient(jwtClient.ClientId, $"Demo client {jwtClient.ClientId}", resource);
            client.JsonWebKeySet = new JsonWebKeySet { Keys = { JsonWebKey.Create(jwtClient.PublicJwk) } };
            await applications.CreateAsync(client, cancellationToken);
        }

        var federated = CreateClient(DemoStack.FederatedClientId, "Demo client federated with the platform", resource);
        FederatedClientAssertion.Federate(federated, _platform);
        await applications.CreateAsync(federated, cancellationToken);

        // A public client: the JWT-bearer grant authenticates the workload by its token, not the client.
        var workload = CreateClient(DemoStack.WorkloadClientId, "Demo workload client for the JWT-bearer grant", resource);
        workload.ClientType = ClientTypes.Public;
        workload.Permissions.Remove(Permissions.GrantTypes.ClientCredentials);
        workload.Permissions.Add(Permissions.Prefixes.GrantType + WorkloadJwtBearerGrant.GrantType);
        await applications.CreateAsync(workload, cancellationToken);
    }

    /// <summary>
    /// Registers a client with a secret that may send it only in the form body (<c>client_secret_post</c>): Basic
    /// authentication gets <c>401 invalid_client</c> (<see cref="RegisteredSecretMethodOnly"/>), although the metadata
    /// lists both methods. Call after <see cref="ProtectResourceAsync"/>.
    /// </summary>
    public async Task RegisterPostOnlyClientAsync(string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        await using var services = _app.Services.CreateAsyncScope();
        var applications = services.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var client = CreateClient(clientId, "Demo client registered for client_secret_post", ProtectedResource);
        client.ClientSecret = clientSecret;
        client.Properties[RegisteredSecretMethodOnly.PropertyName] =
            JsonSerializer.SerializeToElement(ClientAuthenticationMethods.ClientSecretPost);
        await applications.CreateAsync(client, cancellationToken);
    }

    private static OpenIddictApplicationDescriptor CreateClient(string clientId, string displayName, Uri resource)
    {
        var client = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Resource + resource.AbsoluteUri,
            },
        };
        foreach (var scope in DemoScopes.Permitted)
        {
            client.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        return client;
    }

    /// <summary>The one resource (RFC 8707) this server issues tokens for: the MCP endpoint.</summary>
    private Uri ProtectedResource =>
        _protectedResource ?? throw new InvalidOperationException("The authorization server protects no resource yet.");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
