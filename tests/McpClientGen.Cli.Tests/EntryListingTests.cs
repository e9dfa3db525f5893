using McpClientGen.Cli.Snapshots;
using McpClientGen.Snapshots;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Cli.Tests;

/// <summary>What <c>mcpgen list</c> prints of a server's own text, and entries it cannot name.</summary>
public sealed class EntryListingTests
{
    [Fact]
    public async Task Server_text_is_printed_on_one_line_without_control_characters_or_escape_sequences()
    {
        var snapshot = new ToolSnapshot(null, null, [new Tool { Name = "get\nissue", Title = "Get \u001b[2J\u001b[31missue\u0007" }])
        {
            Resources = [new Resource { Uri = "demo://a\rb", Name = "a", Title = "Line one\nline two" }],
        };
        using var output = new StringWriter { NewLine = "\n" };

        await EntryListing.WriteAsync(output, SnapshotEntries.Of(snapshot));

        Assert.Equal("get issue  Get issue\n\nResources:\ndemo://a b  Line one line two\n", output.ToString());
    }

    [Fact]
    public void A_resource_without_a_uri_is_a_one_line_error_naming_it()
    {
        var snapshot = new ToolSnapshot(null, null, []) { Resources = [new Resource { Uri = null!, Name = "a" }] };

        var error = Assert.Throws<CommandFailedException>(() => SnapshotEntries.Of(snapshot));

        Assert.Equal("The server lists 1 resource without a 'uri'; mcpgen cannot list or compare such entries.", error.Message);
    }

    [Fact]
    public void A_template_without_a_uri_template_is_a_one_line_error_naming_it()
    {
        var snapshot = new ToolSnapshot(null, null, []) { ResourceTemplates = [new ResourceTemplate { UriTemplate = null!, Name = "a" }] };

        var error = Assert.Throws<CommandFailedException>(() => SnapshotEntries.Of(snapshot));

        Assert.Equal("The server lists 1 resource template without a 'uriTemplate'; mcpgen cannot list or compare such entries.", error.Message);
    }
}
