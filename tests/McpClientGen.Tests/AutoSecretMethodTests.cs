using System.Net;
using System.Security.Cryptography;
using McpClientGen.Tests.Support;
using static McpClientGen.Tests.Support.DiscoverableAuthorizationServer;

namespace McpClientGen.Tests;

/// <summary>
/// <c>Auto</c>'s one fallback between <c>client_secret_basic</c> and <c>client_secret_post</c>, against stubs whose
/// metadata and answers a real server cannot be made to vary: when it happens (both listed, <c>invalid_client</c> with 400
/// or 401), that it happens once and is remembered, and every case where it must not happen. The demo stack's strict
/// post-only client shows the same end to end (<c>AutoSecretMethodEndToEndTests</c>).
/// </summary>
public sealed class AutoSecretMethodTests
{
    private const string ClientId = "auto-client";
    private const string ClientSecret = "auto-secret-Zq3x9Lm2Vb7Nc4";
    private static readonly string[] BothSecretMethods = ["client_secret_basic", "client_secret_post", "private_key_jwt"];

    [Theory]
    [InlineData("client_secret_post", new[] { "client_secret_basic", "client_secret_post", "client_secret_post" })]
    [InlineData("client_secret_basic", new[] { "client_secret_basic", "client_secret_basic" })]
    public async Task A_client_registered_for_one_secret_method_gets_it_found_once_and_then_one_request_per_token(string registered, string[] sent)
    {
        await using var stub = await StartAsync(BothSecretMethods, tokenAnswers: AcceptOnly(registered));
        using var engine = new TokenEngine(SecretOptions(stub), new FakeClock());

        await engine.TokenAsync();
        engine.ExpireTokens();
        await engine.TokenAsync();

        Assert.Equal(sent, stub.RequestsTo(TokenPath).Select(MethodOf));
    }

    [Fact]
    public async Task Both_methods_refused_is_one_request_each_and_an_error_that_names_both_and_the_option_to_set()
    {
        await using var stub = await StartAsync(
            BothSecretMethods,
            tokenAnswers: Error(HttpStatusCode.Unauthorized, "invalid_client", "Unknown client or bad secret."));
        using var engine = new TokenEngine(SecretOptions(stub), new FakeClock());

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        Assert.Equal(["client_secret_basic", "client_secret_post"], stub.RequestsTo(TokenPath).Select(MethodOf));
        Assert.Equal("invalid_client", error.Error);
        Assert.Contains("both secret methods", error.Message, StringComparison.Ordinal);
        Assert.Contains("client_secret_basic (HTTP 401, error 'invalid_client': Unknown client or bad secret.)", error.Message, StringComparison.Ordinal);
        Assert.Contains("client_secret_post (HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.Contains("set ClientAuthentication", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_both_were_refused_the_next_token_request_tries_each_once_again_and_never_more()
    {
        await using var stub = await StartAsync(BothSecretMethods, tokenAnswers: Error(HttpStatusCode.BadRequest, "invalid_client"));
        using var engine = new TokenEngine(SecretOptions(stub), new FakeClock());

        await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);
        await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        Assert.Equal(
            ["client_secret_basic", "client_secret_post", "client_secret_basic", "client_secret_post"],
            stub.RequestsTo(TokenPath).Select(MethodOf));
    }

    /// <summary>What the server lists, when it does not list both secret methods: RFC 8414's default (none listed) is basic alone.</summary>
    public static TheoryData<string[]?> OneSecretMethodListed() => new()
    {
        null,
        new[] { "client_secret_basic" },
        new[] { "client_secret_basic", "private_key_jwt" },
    };

    [Theory]
    [MemberData(nameof(OneSecretMethodListed))]
    public async Task A_server_that_lists_one_secret_method_gets_one_request(string[]? listed)
    {
        await using var stub = await StartAsync(listed, tokenAnswers: Error(HttpStatusCode.Unauthorized, "invalid_client"));
        using var engine = new TokenEngine(SecretOptions(stub), new FakeClock());

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        Assert.Equal("client_secret_basic", MethodOf(Assert.Single(stub.RequestsTo(TokenPath))));
        Assert.Equal("invalid_client", error.Error);
    }

    [Theory]
    [InlineData(ClientAuthenticationMethod.ClientSecretBasic, "client_secret_basic")]
    [InlineData(ClientAuthenticationMethod.ClientSecretPost, "client_secret_post")]
    public async Task An_explicitly_configured_method_never_falls_back(ClientAuthenticationMethod configured, string sentAs)
    {
        await using var stub = await StartAsync(BothSecretMethods, tokenAnswers: Error(HttpStatusCode.Unauthorized, "invalid_client"));
        var options = SecretOptions(stub);
        options.ClientAuthentication = configured;
        using var engine = new TokenEngine(options, new FakeClock());

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        Assert.Equal(sentAs, MethodOf(Assert.Single(stub.RequestsTo(TokenPath))));
        Assert.Equal("invalid_client", error.Error);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData(HttpStatusCode.BadRequest, "unauthorized_client")]
    [InlineData(HttpStatusCode.BadRequest, "invalid_scope")]
    [InlineData(HttpStatusCode.Forbidden, "invalid_client")]
    [InlineData(HttpStatusCode.InternalServerError, "invalid_client")]
    public async Task Any_answer_but_invalid_client_with_400_or_401_is_not_a_reason_to_fall_back(HttpStatusCode status, string code)
    {
        await using var stub = await StartAsync(BothSecretMethods, tokenAnswers: Error(status, code));
        var options = SecretOptions(stub);
        options.TokenRequestRetries = 0;
        using var engine = new TokenEngine(options, new FakeClock());

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        Assert.Equal("client_secret_basic", MethodOf(Assert.Single(stub.RequestsTo(TokenPath))));
        Assert.Equal(code, error.Error);
    }

    [Fact]
    public async Task A_refused_key_is_never_traded_for_the_secret_also_configured()
    {
        await using var stub = await StartAsync(BothSecretMethods, tokenAnswers: Error(HttpStatusCode.Unauthorized, "invalid_client"));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = SecretOptions(stub);
        options.PrivateKey = key.ExportPkcs8PrivateKeyPem();
        using var engine = new TokenEngine(options, new FakeClock());

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        var request = Assert.Single(stub.RequestsTo(TokenPath));
        Assert.Equal("private_key_jwt", MethodOf(request));
        Assert.False(request.Form.ContainsKey("client_secret"));
        Assert.Equal("invalid_client", error.Error);
    }

    [Fact]
    public async Task A_fallback_refused_for_another_reason_reports_that_reason_and_settles_nothing()
    {
        await using var stub = await StartAsync(
            BothSecretMethods,
            tokenAnswers: [Error(HttpStatusCode.Unauthorized, "invalid_client"), Error(HttpStatusCode.BadRequest, "invalid_scope"), Respond.Token()]);
        using var engine = new TokenEngine(SecretOptions(stub), new FakeClock());

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);
        await engine.TokenAsync();

        Assert.Equal("invalid_scope", error.Error);
        Assert.Equal(["client_secret_basic", "client_secret_post", "client_secret_basic"], stub.RequestsTo(TokenPath).Select(MethodOf));
    }

    // ---- helpers ----

    private static McpConnectionOptions SecretOptions(LoopbackStub stub)
    {
        var options = Options(stub, ClientId);
        options.ClientSecret = ClientSecret;
        return options;
    }

    /// <summary>A strict token endpoint: a token for <paramref name="method"/>, 401 <c>invalid_client</c> for any other.</summary>
    private static Func<Microsoft.AspNetCore.Http.HttpContext, Task> AcceptOnly(string method)
    {
        var refuse = Error(HttpStatusCode.Unauthorized, "invalid_client", $"This client is registered for {method}.");
        var token = Respond.Token();
        return context =>
        {
            var basic = context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.Ordinal);
            return (basic ? "client_secret_basic" : "client_secret_post") == method ? token(context) : refuse(context);
        };
    }

    /// <summary>How a recorded token request authenticated.</summary>
    private static string MethodOf(RecordedRequest request) =>
        request.Form.ContainsKey("client_assertion") ? "private_key_jwt"
        : request.Header("Authorization")?.StartsWith("Basic ", StringComparison.Ordinal) == true ? "client_secret_basic"
        : request.Form.ContainsKey("client_secret") ? "client_secret_post"
        : "none";
}
