using System.Net;
using System.Security.Cryptography;
using McpClientGen.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpClientGen.Tests;

/// <summary>
/// Token requests that carry the workload's platform token, against a <see cref="LoopbackStub"/> token endpoint: the
/// form of the platform assertion and of the JWT-bearer grant, the expiry check on the fake clock (a token the client
/// knows to be expired is never sent), failing sources, and refusals that are neither retried nor answered with
/// another grant.
/// </summary>
public sealed class PlatformTokenRequestTests
{
    private const string TokenPath = "/token";
    private const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    [Fact]
    public async Task A_platform_assertion_is_sent_as_is_with_the_client_credentials_grant()
    {
        await using var stub = await TokenStub(Respond.Token());
        var platformToken = PlatformJwt(FakeClock.DefaultStart.AddHours(1));
        using var engine = Engine(stub, TokenGrantType.ClientCredentials, platformToken, clientId: "federated-client");

        await engine.TokenThroughRetriesAsync();

        var request = Assert.Single(stub.RequestsTo(TokenPath));
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.Equal("federated-client", request.Form["client_id"]);
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", request.Form["client_assertion_type"]);
        Assert.Equal(platformToken, request.Form["client_assertion"]);
        Assert.False(request.Form.ContainsKey("client_secret"));
        Assert.Null(request.Header("Authorization"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("workload-client")]
    public async Task The_JWT_bearer_grant_sends_the_platform_token_as_its_assertion_and_a_client_id_only_when_set(string? clientId)
    {
        await using var stub = await TokenStub(Respond.Token());
        var platformToken = PlatformJwt(FakeClock.DefaultStart.AddHours(1));
        using var engine = Engine(stub, TokenGrantType.JwtBearer, platformToken, clientId);

        await engine.TokenThroughRetriesAsync();

        var request = Assert.Single(stub.RequestsTo(TokenPath));
        Assert.Equal(JwtBearerGrant, request.Form["grant_type"]);
        Assert.Equal(platformToken, request.Form["assertion"]);
        Assert.Equal(clientId, request.Form.GetValueOrDefault("client_id"));
        Assert.Equal("read", request.Form["scope"]);
        Assert.Equal(stub.Url("/mcp").AbsoluteUri, request.Form["resource"]);
        Assert.False(request.Form.ContainsKey("client_assertion"));
        Assert.Null(request.Header("Authorization"));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("workload-client", 1)]
    public async Task A_JWT_bearer_client_shares_its_tokens_only_when_a_client_id_says_whose_they_are(string? clientId, int shared)
    {
        // Without a client id, two services on one store would share one key: their tokens must stay in the process.
        await using var stub = await TokenStub(Respond.Token());
        var store = new InMemorySharedTokenStore();
        using var engine = Engine(stub, TokenGrantType.JwtBearer, PlatformJwt(FakeClock.DefaultStart.AddHours(1)), clientId, store: store);

        await engine.TokenThroughRetriesAsync();

        Assert.Equal(shared, store.Writes.Count);
        Assert.Equal(shared, store.LeasesGranted);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public async Task A_platform_token_is_sent_only_before_its_exp_on_the_clock(int secondsLeft, bool sent)
    {
        await using var stub = await TokenStub(Respond.Token());
        using var engine = Engine(stub, TokenGrantType.JwtBearer, PlatformJwt(FakeClock.DefaultStart.AddSeconds(secondsLeft)));

        var request = engine.TokenThroughRetriesAsync();

        if (sent)
        {
            await request;
        }
        else
        {
            var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => request);
            Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(sent ? 1 : 0, stub.RequestsTo(TokenPath).Count);
    }

    [Fact]
    public async Task A_platform_token_without_exp_is_left_to_the_server()
    {
        await using var stub = await TokenStub(Respond.Token());
        using var engine = Engine(stub, TokenGrantType.JwtBearer, PlatformJwt(expiresAt: null));

        await engine.TokenThroughRetriesAsync();

        Assert.Single(stub.RequestsTo(TokenPath));
    }

    [Fact]
    public async Task A_provider_that_fails_is_a_typed_error_naming_it_and_nothing_is_sent()
    {
        await using var stub = await TokenStub(Respond.Token());
        var failure = new InvalidOperationException("ACTIONS_ID_TOKEN_REQUEST_URL is not set");
        using var engine = Engine(stub, TokenGrantType.JwtBearer, provider: _ => throw failure);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenThroughRetriesAsync);

        Assert.Contains("PlatformTokenProvider failed", error.Message, StringComparison.Ordinal);
        Assert.Contains(failure.Message, error.Message, StringComparison.Ordinal);
        Assert.Same(failure, error.InnerException);
        Assert.Empty(stub.RequestsTo(TokenPath));
    }

    [Fact]
    public async Task A_provider_that_returns_nothing_is_a_typed_error_and_nothing_is_sent()
    {
        await using var stub = await TokenStub(Respond.Token());
        using var engine = Engine(stub, TokenGrantType.ClientCredentials, provider: _ => ValueTask.FromResult(" \n"), clientId: "federated-client");

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenThroughRetriesAsync);

        Assert.Contains("PlatformTokenProvider returned no token", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.RequestsTo(TokenPath));
    }

    [Theory]
    [InlineData("invalid_grant")]
    [InlineData("invalid_scope")]
    [InlineData("unauthorized_client")]
    public async Task A_refused_JWT_bearer_grant_is_not_retried_and_the_next_call_asks_with_the_same_grant(string refusal)
    {
        await using var stub = await TokenStub(
            EchoingRefusal(refusal),
            Respond.Token("second-call"));
        var platformToken = PlatformJwt(FakeClock.DefaultStart.AddHours(1));
        using var engine = Engine(stub, TokenGrantType.JwtBearer, platformToken);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenThroughRetriesAsync);
        Assert.Single(stub.RequestsTo(TokenPath));
        var token = await engine.TokenThroughRetriesAsync();

        Assert.Equal(refusal, error.Error);
        Assert.Contains(JwtBearerGrant, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(platformToken, error.ToString(), StringComparison.Ordinal);
        Assert.Equal("second-call", token.Value);
        Assert.Equal([JwtBearerGrant, JwtBearerGrant], stub.RequestsTo(TokenPath).Select(request => request.Form["grant_type"]));
    }

    [Fact]
    public async Task A_refused_platform_assertion_advises_checking_the_federated_credential()
    {
        await using var stub = await TokenStub(EchoingRefusal("invalid_client"));
        var platformToken = PlatformJwt(FakeClock.DefaultStart.AddHours(1));
        using var engine = Engine(stub, TokenGrantType.ClientCredentials, platformToken, clientId: "federated-client");

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenThroughRetriesAsync);

        Assert.Equal("invalid_client", error.Error);
        Assert.Contains("federated credential", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(platformToken, error.ToString(), StringComparison.Ordinal);
        Assert.Single(stub.RequestsTo(TokenPath));
    }

    /// <summary>An OAuth error whose description repeats the assertion received, as a careless server might.</summary>
    private static Func<HttpContext, Task> EchoingRefusal(string error) => async context =>
    {
        var form = await context.Request.ReadFormAsync();
        var received = form.TryGetValue("assertion", out var grant) ? grant.ToString() : form["client_assertion"].ToString();
        var body = System.Text.Json.JsonSerializer.Serialize(new { error, error_description = $"refused {received}" });
        await Respond.Json(HttpStatusCode.BadRequest, body)(context);
    };

    /// <summary>A platform-issued JWT as a workload finds it: signed by a key the client never sees.</summary>
    private static string PlatformJwt(DateTimeOffset? expiresAt)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://platform.example/",
            Audience = "https://as.example/",
            Claims = new Dictionary<string, object> { ["sub"] = "system:serviceaccount:demo:mcp-client" },
            Expires = expiresAt?.UtcDateTime,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key), SecurityAlgorithms.EcdsaSha256),
        });
    }

    private static async Task<LoopbackStub> TokenStub(params Func<HttpContext, Task>[] answers)
    {
        var stub = await LoopbackStub.StartAsync();
        stub.Map(TokenPath, Respond.Sequence(answers));
        return stub;
    }

    private static TokenEngine Engine(
        LoopbackStub stub,
        TokenGrantType grant,
        string? platformToken = null,
        string? clientId = null,
        Func<CancellationToken, ValueTask<string>>? provider = null,
        IMcpSharedTokenStore? store = null) =>
        new(
            new McpConnectionOptions
            {
                Endpoint = stub.Url("/mcp"),
                TokenEndpoint = stub.Url(TokenPath),
                ClientId = clientId,
                GrantType = grant,
                PlatformTokenProvider = provider ?? (_ => ValueTask.FromResult(platformToken!)),
                Scopes = "read",
            },
            new FakeClock(),
            store);
}
