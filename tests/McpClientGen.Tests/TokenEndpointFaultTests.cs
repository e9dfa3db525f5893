using System.Net;
using McpClientGen.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace McpClientGen.Tests;

/// <summary>
/// Token endpoint faults a real authorization server cannot be made to produce (5xx, 429, a request that never
/// gets an answer, garbage and odd-but-legal bodies), served by a <see cref="LoopbackStub"/>. TokenEndpoint is
/// configured, so discovery is skipped. Polly's delays and timeouts run on a <see cref="FakeClock"/>.
/// </summary>
public sealed class TokenEndpointFaultTests
{
    private const string TokenPath = "/token";
    private const string ClientId = "fault-client";
    private const string ClientSecret = "s3cret-9d41-value";

    [Fact]
    public async Task Two_503s_then_a_token_succeed_after_exactly_three_requests()
    {
        await using var stub = await TokenStub(
            Respond.Status(HttpStatusCode.ServiceUnavailable), Respond.Status(HttpStatusCode.ServiceUnavailable), Respond.Token("third-time"));
        using var engine = Engine(stub);

        var token = await engine.TokenThroughRetriesAsync();

        Assert.Equal("third-time", token.Value);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task A_500_is_retried()
    {
        await using var stub = await TokenStub(Respond.Status(HttpStatusCode.InternalServerError), Respond.Token("after-500"));
        using var engine = Engine(stub);

        var token = await engine.TokenThroughRetriesAsync();

        Assert.Equal("after-500", token.Value);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_503_that_never_ends_fails_after_the_configured_retries()
    {
        await using var stub = await TokenStub(Respond.Status(HttpStatusCode.ServiceUnavailable));
        using var engine = Engine(stub, options => options.TokenRequestRetries = 2);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenThroughRetriesAsync);

        Assert.Equal(3, stub.Requests.Count);
        Assert.Contains(stub.Url(TokenPath).AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_is_retried_only_after_its_Retry_After_delay_on_the_fake_clock()
    {
        await using var stub = await TokenStub(Respond.Status(HttpStatusCode.TooManyRequests, ("Retry-After", "2")), Respond.Token("after-429"));
        using var engine = Engine(stub);

        var token = await RetriedExactlyAfterAsync(engine, stub, TimeSpan.FromSeconds(2));

        Assert.Equal("after-429", token.Value);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_backoff_cap_does_not_hold_the_token_request_for_that_long()
    {
        // A gateway that answers "Retry-After: 86400" must not park every caller of this connection on one shared
        // token request for a day: the backchannel caps its own backoff at 30 seconds, and a server's hint is no
        // reason to wait longer. Exactly the cap: the hint is honoured as far as the cap allows, not replaced by the
        // jittered backoff.
        await using var stub = await TokenStub(Respond.Status(HttpStatusCode.TooManyRequests, ("Retry-After", "86400")), Respond.Token());

        // A timeout other than the 30-second cap keeps the two kinds of timer apart.
        using var engine = Engine(stub, options => options.TokenRequestTimeout = TimeSpan.FromSeconds(10));

        var token = await RetriedExactlyAfterAsync(engine, stub, TimeSpan.FromSeconds(30));

        Assert.Equal("stub-token", token.Value);
    }

    [Fact]
    public async Task A_hanging_token_endpoint_times_out_each_attempt_then_fails_naming_the_URL()
    {
        await using var stub = await TokenStub(Respond.Hang);
        using var engine = Engine(stub, options =>
        {
            options.TokenRequestRetries = 2;
            options.TokenRequestTimeout = TimeSpan.FromSeconds(10);
        });
        var task = engine.TokenAsync();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await stub.WaitForRequestsAsync(attempt);
            var timeout = await engine.Clock.WaitForTimerAsync(timer => timer.DueTime == engine.Options.TokenRequestTimeout);
            Assert.Equal(engine.Options.TokenRequestTimeout, timeout.DueAt - engine.Clock.GetUtcNow());

            // A moment before the timeout the attempt is still waiting for its answer.
            engine.Clock.Advance(engine.Options.TokenRequestTimeout - TimeSpan.FromMilliseconds(1));
            Assert.Contains(timeout, engine.Clock.PendingTimers);
            Assert.False(task.IsCompleted);
            engine.Clock.Advance(TimeSpan.FromMilliseconds(1));

            if (attempt < 3)
            {
                engine.Clock.AdvanceTo(await engine.Clock.WaitForTimerAsync(engine.IsRetryDelay));
            }
        }

        var error = await Assert.ThrowsAsync<McpConnectionException>(() => task);
        Assert.Equal(3, stub.Requests.Count);
        Assert.Equal(McpConnectionFailure.TimedOut, error.Reason);
        Assert.Contains(stub.Url(TokenPath).AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Contains("TokenRequestTimeout", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invalid_client", "ClientSecret")]
    [InlineData("invalid_scope", "Scopes")]
    [InlineData("unauthorized_client", "ClientId")]
    public async Task An_OAuth_error_is_not_retried_and_names_the_option_to_check(string oauthError, string option)
    {
        await using var stub = await TokenStub(Respond.Json(HttpStatusCode.BadRequest, $$"""{"error":"{{oauthError}}"}"""));
        using var engine = Engine(stub);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenThroughRetriesAsync);

        Assert.Single(stub.Requests);
        Assert.Equal(oauthError, error.Error);
        Assert.Contains(stub.Url(TokenPath).AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "text/html", "<html><body>Sign in</body></html>", "not a JSON object")]
    [InlineData(HttpStatusCode.OK, "application/json", "{}", "without an access_token")]
    [InlineData(HttpStatusCode.OK, "application/json", """{"access_token":"t","token_type":"mac"}""", "'mac'")]
    [InlineData(HttpStatusCode.BadRequest, "text/plain", "Bad Request", "HTTP 400 without an OAuth error body")]
    public async Task A_garbage_response_is_not_retried_and_is_explained(HttpStatusCode status, string contentType, string body, string problem)
    {
        await using var stub = await TokenStub(Respond.Text(status, contentType, body));
        using var engine = Engine(stub);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenThroughRetriesAsync);

        Assert.Single(stub.Requests);
        Assert.Contains(stub.Url(TokenPath).AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_expires_in_lives_for_DefaultTokenLifetime()
    {
        await using var stub = await TokenStub(Respond.Json(HttpStatusCode.OK, """{"access_token":"t","token_type":"Bearer"}"""));
        using var engine = Engine(stub, options => options.DefaultTokenLifetime = TimeSpan.FromMinutes(7));

        var token = await engine.TokenThroughRetriesAsync();

        Assert.Equal(engine.Clock.GetUtcNow(), token.IssuedAt);
        Assert.Equal(TimeSpan.FromMinutes(7), token.ExpiresAt - token.IssuedAt);
    }

    [Fact]
    public async Task An_expires_in_sent_as_a_string_is_honoured()
    {
        await using var stub = await TokenStub(Respond.Json(HttpStatusCode.OK, """{"access_token":"t","token_type":"Bearer","expires_in":"120"}"""));
        using var engine = Engine(stub);

        var token = await engine.TokenThroughRetriesAsync();

        Assert.Equal(TimeSpan.FromSeconds(120), token.ExpiresAt - token.IssuedAt);
    }

    [Fact]
    public async Task A_lower_case_bearer_token_type_is_accepted()
    {
        await using var stub = await TokenStub(Respond.Json(HttpStatusCode.OK, """{"access_token":"lower","token_type":"bearer","expires_in":60}"""));
        using var engine = Engine(stub);

        var token = await engine.TokenThroughRetriesAsync();

        Assert.Equal("lower", token.Value);
    }

    [Fact]
    public async Task With_no_retries_a_503_fails_at_once()
    {
        await using var stub = await TokenStub(Respond.Status(HttpStatusCode.ServiceUnavailable), Respond.Token());
        using var engine = Engine(stub, options => options.TokenRequestRetries = 0);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenThroughRetriesAsync);

        Assert.Single(stub.Requests);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_is_not_cached_so_the_next_call_asks_again()
    {
        await using var stub = await TokenStub(Respond.Json(HttpStatusCode.BadRequest, """{"error":"invalid_client"}"""), Respond.Token("second-call"));
        using var engine = Engine(stub);

        await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenThroughRetriesAsync);
        var token = await engine.TokenThroughRetriesAsync();

        Assert.Equal("second-call", token.Value);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_client_secret_echoed_in_an_error_description_is_shown_as_stars()
    {
        await using var stub = await TokenStub(Respond.Json(
            HttpStatusCode.BadRequest, $$"""{"error":"invalid_client","error_description":"secret '{{ClientSecret}}' is wrong"}"""));
        using var engine = Engine(stub);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenThroughRetriesAsync);

        Assert.Contains("secret '***' is wrong", error.Message, StringComparison.Ordinal);
        Assert.Equal("secret '***' is wrong", error.ErrorDescription);
        Assert.DoesNotContain(ClientSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_secret_echoed_in_a_200_without_a_token_never_reaches_the_message()
    {
        await using var stub = await TokenStub(Respond.Json(
            HttpStatusCode.OK, $$"""{"error":"invalid_client","error_description":"secret '{{ClientSecret}}' is wrong"}"""));
        using var engine = Engine(stub);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenThroughRetriesAsync);

        Assert.DoesNotContain(ClientSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assertion_echoed_in_an_error_description_is_masked_kept_to_one_line_and_capped()
    {
        await using var stub = await TokenStub(async context =>
        {
            var form = await context.Request.ReadFormAsync();
            var echo = $"bad assertion {form["client_assertion"]}\r\nInjected log line {new string('x', 500)}";
            await Respond.Json(HttpStatusCode.BadRequest, System.Text.Json.JsonSerializer.Serialize(new { error = "invalid_client", error_description = echo }))(context);
        });
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var engine = Engine(stub, options =>
        {
            options.ClientSecret = null;
            options.PrivateKey = key.ExportPkcs8PrivateKeyPem();
            options.ClientAuthentication = ClientAuthenticationMethod.PrivateKeyJwt;
            options.AssertionAudience = AssertionAudience.TokenEndpoint;
        });

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenThroughRetriesAsync);

        Assert.DoesNotContain("eyJ", error.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("bad assertion ***", error.ErrorDescription, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.ErrorDescription!);
        Assert.True(error.ErrorDescription!.Length <= 301, $"{error.ErrorDescription.Length} characters");
    }

    /// <summary>
    /// Requests a token whose first attempt the stub refuses, and checks on the fake clock that the retry waits exactly
    /// <paramref name="delay"/>: not sent a moment before, sent (and answered) at that moment. Returns the token.
    /// </summary>
    private static async Task<AccessToken> RetriedExactlyAfterAsync(TokenEngine engine, LoopbackStub stub, TimeSpan delay)
    {
        var task = engine.TokenAsync();
        var timer = await engine.Clock.WaitForTimerAsync(engine.IsRetryDelay);
        Assert.Equal(delay, timer.DueTime);

        engine.Clock.Advance(delay - TimeSpan.FromMilliseconds(1));
        Assert.Single(stub.Requests);
        Assert.False(task.IsCompleted);
        engine.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var token = await task;
        Assert.Equal(2, stub.Requests.Count);
        return token;
    }

    /// <summary>A stub whose token endpoint answers the n-th request with the n-th handler (the last one repeats).</summary>
    private static async Task<LoopbackStub> TokenStub(params Func<HttpContext, Task>[] answers)
    {
        var stub = await LoopbackStub.StartAsync();
        stub.Map(TokenPath, Respond.Sequence(answers));
        return stub;
    }

    private static TokenEngine Engine(LoopbackStub stub, Action<McpConnectionOptions>? configure = null)
    {
        var options = new McpConnectionOptions
        {
            Endpoint = stub.Url("/mcp"),
            TokenEndpoint = stub.Url(TokenPath),
            ClientId = ClientId,
            ClientSecret = ClientSecret,
        };
        configure?.Invoke(options);
        return new TokenEngine(options, new FakeClock());
    }
}
