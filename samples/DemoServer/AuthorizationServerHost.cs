using System.Text.Json;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;
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
    private readonly DemoMutualTls? _mutualTls;
    private Uri? _issuer;
    private Uri? _mtlsRoot;
    private Uri? _protectedResource;
    private int _tokenResponseCount;

    private AuthorizationServerHost(DemoStackOptions options, AccessTokenRevocation revocation, DemoPlatformIssuer platform, DemoMutualTls? mutualTls)
    {
        _platform = platform;
        _mutualTls = mutualTls;
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
        if (mutualTls is not null)
        {
            // The mTLS alias of the token endpoint (RFC 8705 §5): HTTPS, and a client certificate in every handshake. The
            // issuer and the plain token endpoint stay where they are, for the other clients.
            LoopbackWebApplication.ListenHttps(builder, mutualTls.ServerCertificateWithKey, ClientCertificateMode.RequireCertificate);
        }

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
                if (mutualTls is not null)
                {
                    EnableMutualTls(server, mutualTls);
                }

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

    /// <summary>The mTLS alias of the token endpoint, e.g. <c>https://127.0.0.1:5125/connect/token</c>; <see langword="null"/> without mutual TLS.</summary>
    public Uri? MtlsTokenEndpoint => _mtlsRoot is null ? null : new Uri(_mtlsRoot, ClientCredentialsTokenEndpoint.Path);

    /// <summary>Token responses that carried an access token.</summary>
    public int TokenResponseCount => Volatile.Read(ref _tokenResponseCount);

    /// <summary>Every token response so far, in order.</summary>
    public IReadOnlyList<DemoTokenRequest> TokenRequests => _tokenRequests.Snapshot();

    public static async Task<AuthorizationServerHost> StartAsync(
        DemoStackOptions options,
        AccessTokenRevocation revocation,
        DemoPlatformIssuer platform,
        DemoMutualTls? mutualTls,
        CancellationToken cancellationToken)
    {
        var host = new AuthorizationServerHost(options, revocation, platform, mutualTls);
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
            host._mtlsRoot = mutualTls is null ? null : LoopbackWebApplication.GetRootUrl(host._app, "https");
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

        if (_mutualTls is not null)
        {
            await RegisterMutualTlsClientsAsync(applications, _mutualTls, resource, cancellationToken);
        }
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

    /// <summary>
    /// Both RFC 8705 client authentication methods, and access tokens bound (<c>cnf</c>, <c>x5t#S256</c>) to the
    /// certificate any client presents at the token endpoint (§3), listed in the metadata with the mTLS alias (§5).
    /// </summary>
    private void EnableMutualTls(OpenIddictServerBuilder server, DemoMutualTls mutualTls) =>
        server.EnableSelfSignedTlsClientAuthentication()
            .EnablePublicKeyInfrastructureTlsClientAuthentication([mutualTls.RootAuthority])
            .UseClientCertificateBoundAccessTokens()
            .Configure(server =>
            {
                server.ClientAuthenticationMethods.Add(ClientAuthenticationMethods.SelfSignedTlsClientAuth);
                server.ClientAuthenticationMethods.Add(ClientAuthenticationMethods.TlsClientAuth);
                server.MtlsTokenEndpointAliasUri = MtlsTokenEndpoint;
            });

    /// <summary>
    /// The two certificate clients. OpenIddict finds what it trusts for a client in its JSON Web Key Set: the self-signed
    /// client's own certificates, or the PKI client's issuing CA; and a PKI certificate must name the host of one of the
    /// client's redirect URIs (OpenIddict 7.8's subject check for <c>tls_client_auth</c>).
    /// </summary>
    private static async Task RegisterMutualTlsClientsAsync(
        IOpenIddictApplicationManager applications, DemoMutualTls mutualTls, Uri resource, CancellationToken cancellationToken)
    {
        var selfSigned = CreateClient(mutualTls.SelfSigned.ClientId, "Demo client authenticating by a self-signed certificate", resource);
        selfSigned.JsonWebKeySet = CertificateKeys(mutualTls.SelfSigned.Certificate, mutualTls.SelfSigned.RotatedCertificate);
        await applications.CreateAsync(selfSigned, cancellationToken);

        var pki = CreateClient(mutualTls.Pki.ClientId, "Demo client authenticating by a CA-issued certificate", resource);
        pki.JsonWebKeySet = CertificateKeys(mutualTls.IntermediateAuthority);
        pki.RedirectUris.Add(new Uri($"https://{DemoMutualTls.PkiClientHost}/"));
        await applications.CreateAsync(pki, cancellationToken);
    }

    /// <summary>The certificates as JWKs with <c>x5c</c>, public parts only, which OpenIddict reads back as certificates.</summary>
    private static JsonWebKeySet CertificateKeys(params X509Certificate2[] certificates)
    {
        var keys = new JsonWebKeySet();
        foreach (var certificate in certificates)
        {
            keys.Keys.Add(JsonWebKeyConverter.ConvertFromX509SecurityKey(new X509SecurityKey(DemoCertificates.PublicPart(certificate))));
        }

        return keys;
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
