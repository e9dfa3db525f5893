using System.Text.Json;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// Input requests in the middle of a tool call (MRTR, protocol 2026-07-28) through generated clients against the real,
/// authenticated DemoServer, whose tools check the client's retry themselves (the <c>requestState</c> echoed, a new
/// JSON-RPC id). Without a handler the call fails at once with <see cref="McpInputRequiredException"/>; with one it completes.
/// </summary>
public sealed class InputRequestsEndToEndTests
{
    /// <summary>A bound only so that a broken build fails instead of hanging; a refusal takes no waiting at all.</summary>
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Without_a_handler_an_elicitation_fails_the_call_naming_what_the_server_asked()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var refused = await Assert.ThrowsAsync<McpInputRequiredException>(() => client.ConfirmActionAsync("delete the report").WaitAsync(HangBound));

        Assert.Equal("confirm_action", refused.ToolName);
        Assert.Equal([McpInputKind.Elicitation], refused.Kinds);
        Assert.Equal("Do you want to delete the report?", refused.ElicitationMessage);
        Assert.Contains("'confirm_action'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("an elicitation", refused.Message, StringComparison.Ordinal);
        Assert.Contains("\"Do you want to delete the report?\"", refused.Message, StringComparison.Ordinal);
        // Nothing of the connection's credentials: neither the secret nor any token (JWTs start with "eyJ").
        Assert.DoesNotContain(stack.ClientSecret, refused.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", refused.ToString(), StringComparison.Ordinal);

        // The session is not to blame: the next call on it works.
        Assert.Equal("Counted 1 steps.", DemoStackHttp.Text(await client.CountStepsAsync(1)));
    }

    [Fact]
    public async Task Without_handlers_sampling_and_roots_requests_fail_the_call_naming_them()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var sampling = await Assert.ThrowsAsync<McpInputRequiredException>(() => client.SummarizeWithModelAsync("a long text").WaitAsync(HangBound));
        var roots = await Assert.ThrowsAsync<McpInputRequiredException>(() => client.ListClientRootsAsync().WaitAsync(HangBound));

        Assert.Equal("summarize_with_model", sampling.ToolName);
        Assert.Equal([McpInputKind.Sampling], sampling.Kinds);
        Assert.Contains("sampling", sampling.Message, StringComparison.Ordinal);
        Assert.Null(sampling.ElicitationMessage);
        Assert.Equal("list_client_roots", roots.ToolName);
        Assert.Equal([McpInputKind.Roots], roots.Kinds);
        Assert.Contains("roots", roots.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_handlers_a_round_asking_two_kinds_fails_naming_both()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var refused = await Assert.ThrowsAsync<McpInputRequiredException>(() => client.PublishReportAsync("Q3").WaitAsync(HangBound));

        Assert.Equal([McpInputKind.Elicitation, McpInputKind.Roots], refused.Kinds);
        Assert.Equal("Publish 'Q3'?", refused.ElicitationMessage);
        Assert.Contains("an elicitation (an answer from the user) and the client's roots", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_handler_for_one_of_two_kinds_the_call_fails_naming_the_other()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = ClientWith(stack, options => options.ElicitationHandler = Answering("accept"));

        var refused = await Assert.ThrowsAsync<McpInputRequiredException>(() => client.PublishReportAsync("Q3").WaitAsync(HangBound));

        Assert.Equal([McpInputKind.Roots], refused.Kinds);
        Assert.Null(refused.ElicitationMessage);
    }

    [Fact]
    public async Task A_refusal_cancels_the_handler_still_answering_its_round_and_fails_the_call_at_once()
    {
        await using var stack = await DemoStack.StartAsync();
        var handlerCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = ClientWith(stack, options => options.ElicitationHandler = async (_, token) =>
        {
            // A user who never answers: only the token ends the wait.
            await using (token.Register(handlerCancelled.SetResult))
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            return new ElicitResult { Action = "accept" };
        });

        var refused = await Assert.ThrowsAsync<McpInputRequiredException>(() => client.PublishReportAsync("Q3").WaitAsync(HangBound));

        // The roots were refused, so the confirmation could not help: its handler was told to stop, not waited for.
        Assert.Equal([McpInputKind.Roots], refused.Kinds);
        Assert.True(handlerCancelled.Task.IsCompleted);
    }

    [Fact]
    public async Task Concurrent_refused_calls_each_name_their_own_tool_and_kinds()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());
        var expected = new Dictionary<string, McpInputKind[]>
        {
            ["confirm_action"] = [McpInputKind.Elicitation],
            ["summarize_with_model"] = [McpInputKind.Sampling],
            ["list_client_roots"] = [McpInputKind.Roots],
            ["publish_report"] = [McpInputKind.Elicitation, McpInputKind.Roots],
        };
        var calls = Enumerable.Range(0, 10).SelectMany(_ => new Func<Task>[]
        {
            () => client.ConfirmActionAsync("x"), () => client.SummarizeWithModelAsync("y"), () => client.ListClientRootsAsync(), () => client.PublishReportAsync("z"),
        });

        var refusals = await Task.WhenAll(calls.Select(call => Assert.ThrowsAsync<McpInputRequiredException>(() => call().WaitAsync(HangBound))));

        Assert.Equal(40, refusals.Length);
        Assert.All(refusals, refused => Assert.Equal(expected[refused.ToolName!], refused.Kinds));
        Assert.Equal(expected.Keys.Order(), refusals.Select(refused => refused.ToolName!).Distinct().Order());
    }

    [Fact]
    public async Task An_input_request_of_an_unknown_kind_fails_the_call_and_keeps_the_session()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());
        Assert.Equal("Counted 1 steps.", DemoStackHttp.Text(await client.CountStepsAsync(1)));

        var refused = await Assert.ThrowsAsync<McpInputRequiredException>(() => client.AskUnknownInputAsync().WaitAsync(HangBound));

        Assert.Equal("ask_unknown_input", refused.ToolName);
        Assert.Equal([McpInputKind.Other], refused.Kinds);
        Assert.Contains("'telepathy/read'", refused.Message, StringComparison.Ordinal);
        // The server's fault in one call, not the session's: the next call goes on it, opening none (no new server/discover).
        Assert.Equal("Counted 1 steps.", DemoStackHttp.Text(await client.CountStepsAsync(1)));
        Assert.Single(stack.McpRequests, request => request.JsonRpcMethod == "server/discover");
    }

    [Fact]
    public async Task A_reload_that_sets_roots_next_to_a_provider_still_rotates_the_credentials()
    {
        await using var stack = await DemoStack.StartAsync();
        var configuration = (IConfigurationRoot)Configuration(stack);
        configuration["ClientSecret"] = "the-old-secret-that-was-revoked";
        var services = new ServiceCollection();
        services.AddMcpClient<IDemoClient, DemoClient>(configuration);
        services.Configure<McpConnectionOptions>(
            typeof(DemoClient).FullName, options => options.RootsProvider = _ => ValueTask.FromResult<IReadOnlyList<McpRoot>>([new McpRoot("file:///from/code")]));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IDemoClient>();
        await Assert.ThrowsAsync<McpAuthenticationException>(() => client.CountStepsAsync(1));

        // The new secret arrives with a roots list that now clashes with the provider set in code.
        configuration["ClientSecret"] = stack.ClientSecret;
        configuration["Roots:0:Uri"] = "file:///from/configuration";
        configuration.Reload();

        // The rotation applies; the roots are the ones the client started with.
        Assert.Equal("Counted 1 steps.", DemoStackHttp.Text(await client.CountStepsAsync(1)));
        Assert.Equal("(unnamed): file:///from/code", DemoStackHttp.Text(await client.ListClientRootsAsync()));
    }

    [Fact]
    public async Task With_handlers_for_both_kinds_a_two_kind_round_completes()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = ClientWith(stack, options =>
        {
            options.ElicitationHandler = Answering("accept");
            options.Roots = [new McpRoot("file:///srv/reports", "Reports")];
        });

        var result = await client.PublishReportAsync("Q3");

        Assert.Equal("Published 'Q3' to file:///srv/reports", DemoStackHttp.Text(result));
    }

    [Fact]
    public async Task An_elicitation_handler_answers_and_the_call_completes_with_what_the_server_saw()
    {
        await using var stack = await DemoStack.StartAsync();
        var asked = new List<string>();
        var options = stack.ClientOptions();
        options.ElicitationHandler = (request, _) =>
        {
            asked.Add(request.Message);
            return ValueTask.FromResult(new ElicitResult
            {
                Action = "accept",
                Content = new Dictionary<string, JsonElement> { ["confirmed"] = JsonSerializer.SerializeToElement(true) },
            });
        };
        await using var client = DemoClient.Create(options);

        var result = await client.ConfirmActionAsync("delete the report");

        // The tool answers only after checking that the retry echoed its requestState under a new JSON-RPC id.
        Assert.Equal("Confirmed: delete the report", DemoStackHttp.Text(result));
        Assert.Equal(["Do you want to delete the report?"], asked);
    }

    [Fact]
    public async Task A_declined_elicitation_reaches_the_server_as_declined()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = ClientWith(stack, options => options.ElicitationHandler = Answering("decline"));

        var result = await client.ConfirmActionAsync("delete the report");

        Assert.Equal("Not confirmed (decline): delete the report", DemoStackHttp.Text(result));
    }

    [Fact]
    public async Task A_chat_client_answers_sampling_and_the_call_completes()
    {
        await using var stack = await DemoStack.StartAsync();
        var model = new ScriptedChatClient("It is long.");
        await using var client = ClientWith(stack, options => options.SamplingClient = model);

        var result = await client.SummarizeWithModelAsync("a long text");

        Assert.Equal($"Summary by {ScriptedChatClient.ModelId}: It is long.", DemoStackHttp.Text(result));
        Assert.Equal(["Summarize: a long text"], model.Prompts);
    }

    [Fact]
    public async Task Roots_from_configuration_answer_a_roots_request_through_dependency_injection()
    {
        await using var stack = await DemoStack.StartAsync();
        var configuration = Configuration(stack, ("Roots:0:Uri", "file:///srv/reports"), ("Roots:0:Name", "Reports"), ("Roots:1:Uri", "file:///srv/archive"));
        var services = new ServiceCollection();
        services.AddMcpClient<IDemoClient, DemoClient>(configuration);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IDemoClient>().ListClientRootsAsync();

        Assert.Equal("Reports: file:///srv/reports\n(unnamed): file:///srv/archive", DemoStackHttp.Text(result));
    }

    [Fact]
    public async Task Handlers_set_in_code_join_options_bound_from_configuration()
    {
        await using var stack = await DemoStack.StartAsync();
        var configuration = Configuration(stack);
        var services = new ServiceCollection();
        services.AddMcpClient<IDemoClient, DemoClient>(configuration);
        services.Configure<McpConnectionOptions>(typeof(DemoClient).FullName, options => options.ElicitationHandler = Answering("decline"));
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IDemoClient>().ConfirmActionAsync("delete the report");

        Assert.Equal("Not confirmed (decline): delete the report", DemoStackHttp.Text(result));
    }

    [Fact]
    public async Task A_roots_provider_is_asked_on_each_request()
    {
        await using var stack = await DemoStack.StartAsync();
        var asked = 0;
        await using var client = ClientWith(stack, options => options.RootsProvider = _ => ValueTask.FromResult<IReadOnlyList<McpRoot>>([new McpRoot("file:///tmp/call-" + Interlocked.Increment(ref asked))]));

        Assert.Equal("(unnamed): file:///tmp/call-1", DemoStackHttp.Text(await client.ListClientRootsAsync()));
        Assert.Equal("(unnamed): file:///tmp/call-2", DemoStackHttp.Text(await client.ListClientRootsAsync()));
    }

    [Fact]
    public async Task An_exception_from_the_handler_reaches_the_caller_as_thrown()
    {
        await using var stack = await DemoStack.StartAsync();
        var failure = new HttpRequestException("The model's endpoint is down.");
        var options = stack.ClientOptions();
        options.ElicitationHandler = (_, _) => throw failure;
        var log = new LogCapture();
        await using var client = DemoClient.Create(options, loggerFactory: log.CreateFactory());

        var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => client.ConfirmActionAsync("delete the report").WaitAsync(HangBound));

        // The application's own exception, not a connection failure blamed on the MCP server; the session stays usable.
        Assert.Same(failure, thrown);
        Assert.Equal("Counted 1 steps.", DemoStackHttp.Text(await client.CountStepsAsync(1)));
        // Logged too, for older sessions where the SDK answers the server instead: the type, never the message.
        var logged = Assert.Single(log.Entries, entry => entry.EventId.Name == "InputHandlerFailed");
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains("Elicitation handler threw System.Net.Http.HttpRequestException", logged.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(failure.Message, string.Join("\n", log.Texts.Select(text => text.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_and_cancellation_follow_the_retry_that_carries_the_answer()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = ClientWith(stack, options => options.ElicitationHandler = Answering("accept"));
        var progress = new RecordingProgress();
        using var cancellation = new CancellationTokenSource();
        const string Label = "cancel-after-the-retry-started";

        var call = client.WaitAfterConfirmationAsync(Label, progress, cancellation.Token);
        await progress.FirstReport.WaitAsync(HangBound);
        await cancellation.CancelAsync();

        // The tool runs in the retry, which the SDK sent under an id of its own: the server saw that attempt cancelled,
        // and the client's notifications/cancelled named that attempt, not the first one (the runtime's "mcpgen-" id).
        var retryId = await stack.WhenToolCancelledAsync(Label).WaitAsync(TimeSpan.FromSeconds(1));
        await stack.WhenCancelledNotificationAsync(retryId).WaitAsync(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("mcpgen-", retryId, StringComparison.Ordinal);
        Assert.Equal(["Started"], progress.Reports.Select(report => report.Message));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Theory]
    [InlineData(null)] // 2026-07-28: capabilities in each request's _meta.
    [InlineData("2025-11-25")] // The initialize handshake: what a legacy server would read to decide what it may ask.
    public async Task Only_the_kinds_with_a_handler_are_declared(string? protocolVersion)
    {
        await using var stack = await DemoStack.StartAsync();
        var options = stack.ClientOptions();
        options.ProtocolVersion = protocolVersion;
        await using (var client = DemoClient.Create(options))
        {
            await client.CountStepsAsync(1);
        }

        AssertDeclared(stack.LastClientCapabilities);

        options.ElicitationHandler = Answering("cancel");
        await using (var client = DemoClient.Create(options))
        {
            await client.CountStepsAsync(1);
        }

        AssertDeclared(stack.LastClientCapabilities, "elicitation");

        options.ElicitationHandler = null;
        options.SamplingClient = new ScriptedChatClient("unused");
        options.Roots = [];
        await using (var client = DemoClient.Create(options))
        {
            await client.CountStepsAsync(1);
        }

        AssertDeclared(stack.LastClientCapabilities, "roots", "sampling");
    }

    [Fact]
    public async Task A_legacy_session_without_handlers_is_never_asked_for_input()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = ClientWith(stack, options => options.ProtocolVersion = "2025-11-25");

        // The server cannot ask on this session (no MRTR, no capability declared): its tool says so, and nothing hangs.
        var failed = await Assert.ThrowsAsync<McpToolException>(() => client.ConfirmActionAsync("delete the report").WaitAsync(HangBound));

        Assert.Contains("2026-07-28", failed.ErrorText, StringComparison.Ordinal);
        AssertDeclared(stack.LastClientCapabilities);
    }

    /// <summary>A generated client on the stack whose options <paramref name="configure"/> has completed.</summary>
    private static DemoClient ClientWith(DemoStack stack, Action<McpConnectionOptions> configure)
    {
        var options = stack.ClientOptions();
        configure(options);
        return DemoClient.Create(options);
    }

    /// <summary>A configuration section for a client of the stack, with <paramref name="more"/> keys.</summary>
    private static IConfiguration Configuration(DemoStack stack, params (string Key, string Value)[] more) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Endpoint"] = stack.McpEndpoint.AbsoluteUri,
            ["ClientId"] = stack.ClientId,
            ["ClientSecret"] = stack.ClientSecret,
            ["AuthorizationServer"] = stack.Issuer.AbsoluteUri,
        }.Concat(more.Select(entry => new KeyValuePair<string, string?>(entry.Key, entry.Value)))).Build();

    /// <summary>An elicitation handler that answers every question with <paramref name="action"/> and no content.</summary>
    private static Func<ElicitRequestParams, CancellationToken, ValueTask<ElicitResult>> Answering(string action) =>
        (_, _) => ValueTask.FromResult(new ElicitResult { Action = action });

    /// <summary>The declared capabilities name exactly <paramref name="inputKinds"/> of the three input kinds.</summary>
    private static void AssertDeclared(JsonElement? capabilities, params string[] inputKinds)
    {
        var declared = Assert.IsType<JsonElement>(capabilities);
        Assert.Equal(
            inputKinds,
            new[] { "elicitation", "roots", "sampling" }.Where(kind => declared.TryGetProperty(kind, out _)));
    }
}
