using McpClientGen.DemoServer;

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

    /// <summary>The URIs of the <c>resources/read</c> requests the server received, in order.</summary>
    private static List<string> SentUris(DemoStack stack) =>
        stack.McpRequests.SelectMany(request => request.Messages)
            .Where(message => message.TryGetProperty("method", out var method) && method.GetString() == "resources/read")
            .Select(message => message.GetProperty("params").GetProperty("uri").GetString()!)
            .ToList();
}
