using McpClientGen.DemoServer;
using McpClientGen.Testing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// The typed resource methods the generator makes from the demo snapshot's <c>resources</c> and
/// <c>resourceTemplates</c>, against the real stack: each read is authenticated like the tool calls, the server
/// receives exactly the URI the template expands to, percent-encoded as RFC 6570 says, and reads the values back.
/// </summary>
public sealed class ResourcesEndToEndTests
{
    [Fact]
    public async Task A_static_text_resource_is_read_at_its_uri()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var result = await client.ReadReadmeResourceAsync();

        Assert.StartsWith("# Demo server\n", result.GetText(), StringComparison.Ordinal);
        Assert.Equal(["demo://readme"], SentUris(stack));
        Assert.Equal(1, stack.TokenRequestCount);
        Assert.Equal(0, stack.Mcp401Count);
    }

    [Fact]
    public async Task A_static_binary_resource_reads_as_its_bytes()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var result = await client.ReadLogoResourceAsync();

        Assert.Equal(DemoResources.LogoBytes, result.GetBytes().ToArray());
        Assert.Equal("image/png", Assert.Single(result.Contents).MimeType);
    }

    [Fact]
    public async Task A_simple_template_variable_is_sent_percent_encoded_and_read_back_by_the_server()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var result = await client.ReadNoteResourceAsync("to do/héllo 100%");

        Assert.Equal(["demo://notes/to%20do%2Fh%C3%A9llo%20100%25"], SentUris(stack));
        Assert.Equal("note: to do/héllo 100%", result.GetText());
    }

    [Fact]
    public async Task A_reserved_template_variable_keeps_its_slashes_and_encodes_the_rest()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var result = await client.ReadFileResourceAsync("docs/read me/ré sumé 100%.txt");

        Assert.Equal(["demo://files/docs/read%20me/r%C3%A9%20sum%C3%A9%20100%25.txt"], SentUris(stack));
        Assert.Equal("file: docs/read me/ré sumé 100%.txt", result.GetText());
    }

    [Fact]
    public async Task A_template_variable_is_checked_before_anything_is_sent()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var exception = await Assert.ThrowsAsync<ArgumentNullException>(() => client.ReadNoteResourceAsync(null!));

        Assert.Equal("name", exception.ParamName);
        Assert.Equal(0, stack.TokenRequestCount);
    }

    [Fact]
    public async Task Optional_query_variables_are_left_out_when_null_and_the_server_reads_what_was_sent()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var both = await client.ReadSearchResourceAsync("a&b c", "fr");
        var one = await client.ReadSearchResourceAsync(lang: "fr");
        var none = await client.ReadSearchResourceAsync();

        Assert.Equal(["demo://search?q=a%26b%20c&lang=fr", "demo://search?lang=fr", "demo://search"], SentUris(stack));
        Assert.Equal(["search: q=a&b c lang=fr", "search: q=(none) lang=fr", "search: q=(none) lang=(none)"], new[] { both, one, none }.Select(result => result.GetText()));
    }

    [Fact]
    public async Task A_read_cancelled_before_it_is_sent_throws_and_sends_nothing()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReadNoteResourceAsync("a", new CancellationToken(canceled: true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReadReadmeResourceAsync(new CancellationToken(canceled: true)));

        Assert.Empty(SentUris(stack));
    }

    [Fact]
    public async Task Reading_a_uri_the_server_does_not_have_is_a_protocol_error_naming_it()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var connection = McpConnection.Create(stack.ClientOptions());

        var exception = await Assert.ThrowsAsync<McpProtocolException>(() => connection.ReadResourceAsync(new ReadResourceRequestParams { Uri = "demo://nowhere" }));

        // The SDK's server answers InvalidParams (other servers send the spec's ResourceNotFound, -32002); either way the
        // caller gets the server's error as an McpProtocolException with its code, not a transport failure.
        Assert.Equal(McpErrorCode.InvalidParams, exception.ErrorCode);
        Assert.Contains("demo://nowhere", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_the_resources_of_a_server_without_the_capability_gives_none_and_asks_nothing()
    {
        // The loopback server offers tools only, so it declares no resources capability and would refuse the lists.
        await using var server = await LoopbackMcpServer.StartAsync<PingTools>();
        await using var connection = McpConnection.CreateUnauthenticated(server.Endpoint);

        var resources = await connection.ListResourcesAsync();
        var templates = await connection.ListResourceTemplatesAsync();

        Assert.Empty(resources);
        Assert.Empty(templates);
        Assert.NotEmpty(server.Methods);
        Assert.DoesNotContain(server.Methods, method => method.StartsWith("resources/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_does_not_know_the_templates_list_has_none_and_still_gives_a_snapshot()
    {
        // A real server whose resources/templates/list answers MethodNotFound (-32601), as one that implements only
        // resources/list does although it declares the resources capability.
        await using var server = await LoopbackMcpServer.StartAsync(mcp => mcp
            .WithTools<PingTools>()
            .WithListResourcesHandler((_, _) => ValueTask.FromResult(new ListResourcesResult { Resources = [new Resource { Uri = "demo://only", Name = "only" }] }))
            .WithReadResourceHandler((_, _) => ValueTask.FromResult(new ReadResourceResult()))
            .WithRequestFilters(filters => filters.AddListResourceTemplatesFilter(_ => (_, _) =>
                throw new McpProtocolException("Method 'resources/templates/list' is not available.", McpErrorCode.MethodNotFound))),
            HttpServerSessionMode.Stateful);
        await using var connection = McpConnection.CreateUnauthenticated(server.Endpoint);

        var templates = await connection.ListResourceTemplatesAsync();
        var snapshot = await McpClientGen.Snapshots.ToolSnapshot.CaptureAsync(connection);

        Assert.Empty(templates);
        Assert.Contains("resources/templates/list", server.Methods);
        Assert.Contains("\"demo://only\"", snapshot.ToJson(), StringComparison.Ordinal);
    }

    /// <summary>The URIs of the <c>resources/read</c> requests the server received, in order.</summary>
    private static List<string> SentUris(DemoStack stack) =>
        stack.McpRequests.SelectMany(request => request.Messages)
            .Where(message => message.TryGetProperty("method", out var method) && method.GetString() == "resources/read")
            .Select(message => message.GetProperty("params").GetProperty("uri").GetString()!)
            .ToList();
}
