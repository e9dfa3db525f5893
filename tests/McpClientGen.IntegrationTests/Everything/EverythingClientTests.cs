using System.Text;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests.Everything;

/// <summary>
/// The client generated from <c>schemas/everything.mcp.json</c> against the real, pinned server-everything over stdio:
/// typed tool calls, typed prompts, a static resource and both resource templates, each answered by the server process.
/// Dynamic resources carry the time they were made, so only their stable parts are compared.
/// </summary>
public sealed class EverythingClientTests(EverythingFixture fixture) : IClassFixture<EverythingFixture>
{
    private IEverythingClient Client => fixture.Client;

    [Fact]
    public async Task Echo_returns_the_message_the_server_echoes()
    {
        var result = await Client.EchoAsync("hello");

        Assert.Equal("Echo: hello", TextOf(result.Content));
    }

    [Fact]
    public async Task Get_sum_adds_the_typed_numbers_on_the_server()
    {
        var result = await Client.GetSumAsync(2, 3);

        Assert.Equal("The sum of 2 and 3 is 5.", TextOf(result.Content));
    }

    [Fact]
    public async Task Structured_content_is_read_into_the_record_generated_from_the_output_schema()
    {
        var weather = await Client.GetStructuredContentAsync(IEverythingClient.GetStructuredContentLocation.LosAngeles);

        Assert.Equal(new IEverythingClient.GetStructuredContentResult { Temperature = 73, Conditions = "Sunny / Clear", Humidity = 48 }, weather);
    }

    [Fact]
    public async Task The_prompt_without_arguments_is_returned_as_the_server_wrote_it()
    {
        var result = await Client.GetSimplePromptAsync();

        var message = Assert.Single(result.Messages);
        Assert.Equal(Role.User, message.Role);
        Assert.Equal("This is a simple prompt without arguments.", Assert.IsType<TextContentBlock>(message.Content).Text);
    }

    [Fact]
    public async Task A_prompt_is_filled_in_with_its_required_argument_alone()
    {
        var result = await Client.GetArgsPromptAsync("Berlin");

        Assert.Equal("What's weather in Berlin?", TextOf(Assert.Single(result.Messages).Content));
    }

    [Fact]
    public async Task A_prompt_is_filled_in_with_its_optional_argument_when_given()
    {
        var result = await Client.GetArgsPromptAsync("Springfield", state: "Illinois");

        Assert.Equal("What's weather in Springfield, Illinois?", TextOf(Assert.Single(result.Messages).Content));
    }

    [Fact]
    public async Task A_prompt_can_embed_a_resource_the_server_makes_from_the_arguments()
    {
        var result = await Client.GetResourcePromptAsync("Text", "4");

        Assert.Equal(2, result.Messages.Count);
        Assert.Equal("This prompt includes the Text resource with id: 4. Please analyze the following resource:", TextOf(result.Messages[0].Content));
        var embedded = Assert.IsType<TextResourceContents>(Assert.IsType<EmbeddedResourceBlock>(result.Messages[1].Content).Resource);
        Assert.Equal("demo://resource/dynamic/text/4", embedded.Uri);
        Assert.StartsWith("Resource 4: This is a plaintext resource created at ", embedded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_static_resource_is_read_as_markdown_at_its_uri()
    {
        var result = await Client.ReadArchitectureMdResourceAsync();

        var contents = Assert.Single(result.Contents);
        Assert.Equal("demo://resource/static/document/architecture.md", contents.Uri);
        Assert.Equal("text/markdown", contents.MimeType);
        Assert.StartsWith("# Everything Server – Architecture\n", result.GetText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_text_template_is_expanded_with_the_id_and_read_as_text()
    {
        var result = await Client.ReadDynamicTextResourceAsync("7");

        Assert.Equal("demo://resource/dynamic/text/7", Assert.Single(result.Contents).Uri);
        Assert.StartsWith("Resource 7: This is a plaintext resource created at ", result.GetText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_blob_template_is_expanded_with_the_id_and_read_as_bytes()
    {
        var result = await Client.ReadDynamicBlobResourceAsync("12");

        Assert.Equal("demo://resource/dynamic/blob/12", Assert.Single(result.Contents).Uri);
        Assert.StartsWith("Resource 12: This is a base64 blob created at ", Encoding.UTF8.GetString(result.GetBytes().Span), StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>+</c> is reserved, so RFC 6570 simple expansion sends it as <c>%2B</c>. The server matches the template without
    /// decoding the variable, so it cannot read <c>%2B7</c> as a number and names the URI it received; sent unencoded, the
    /// <c>+7</c> would have been read as 7.
    /// </summary>
    [Fact]
    public async Task A_template_variable_that_needs_percent_encoding_reaches_the_server_encoded()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => Client.ReadDynamicTextResourceAsync("+7"));

        Assert.Equal("Request failed (remote): Unknown resource: demo://resource/dynamic/text/%2B7", error.Message);
    }

    /// <summary>
    /// <c>get-env</c> returns the server's whole environment; only the names are compared, so a failure shows no value.
    /// McpConnection passes its own environment on unless told otherwise, as <see cref="EverythingServer.OptionsAsync"/> does.
    /// </summary>
    [Fact]
    public async Task The_server_process_gets_the_default_environment_variables_and_none_of_the_test_processs_others()
    {
        var result = await Client.GetEnvAsync();

        using var environment = JsonDocument.Parse(TextOf(result.Content));
        Assert.Equal(
            StdioClientTransportOptions.GetDefaultEnvironmentVariables().Keys.Order(StringComparer.Ordinal),
            environment.RootElement.EnumerateObject().Select(variable => variable.Name).Order(StringComparer.Ordinal));
    }

    private static string TextOf(IEnumerable<ContentBlock> content) => Assert.IsType<TextContentBlock>(Assert.Single(content)).Text;

    private static string TextOf(ContentBlock content) => Assert.IsType<TextContentBlock>(content).Text;
}
