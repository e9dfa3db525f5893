namespace McpClientGen.IntegrationTests.Everything;

/// <summary>
/// The pinned server-everything, installed by the test fixture and started over stdio, serves all four kinds of entry a
/// snapshot can hold: tools, prompts, resources and resource templates.
/// </summary>
public sealed class EverythingServerTests
{
    [Fact]
    public async Task Over_stdio_it_lists_tools_prompts_resources_and_resource_templates()
    {
        await using var client = await EverythingServer.ConnectAsync();

        Assert.Equal("mcp-servers/everything", client.ServerInfo?.Name);
        var tools = await client.ListToolsAsync();
        Assert.Contains(tools, tool => tool.Name == "echo" && tool.ProtocolTool.InputSchema.GetProperty("required")[0].GetString() == "message");
        Assert.Contains(tools, tool => tool.Name == "get-sum");

        var prompts = await client.ListPromptsAsync();
        var argsPrompt = Assert.Single(prompts, prompt => prompt.Name == "args-prompt").ProtocolPrompt;
        Assert.Equal(["city", "state"], argsPrompt.Arguments!.Select(argument => argument.Name));
        Assert.Equal([true, false], argsPrompt.Arguments!.Select(argument => argument.Required));
        Assert.Contains(prompts, prompt => prompt.Name == "simple-prompt");

        var resources = await client.ListResourcesAsync();
        Assert.Contains(resources, resource => resource.Uri == "demo://resource/static/document/architecture.md" && resource.MimeType == "text/markdown");

        var templates = await client.ListResourceTemplatesAsync();
        Assert.Contains(templates, template => template.UriTemplate == "demo://resource/dynamic/text/{resourceId}");
        Assert.Contains(templates, template => template.UriTemplate == "demo://resource/dynamic/blob/{resourceId}");
    }
}
