using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpClientGen.ConformanceClient;

/// <summary>
/// The 2026-07-28 revision's scenarios about what a client sends (conformance 0.2.0-alpha.12): per-request <c>_meta</c> and
/// <c>MCP-Protocol-Version</c> (SEP-2575), <c>Mcp-Method</c>, <c>Mcp-Name</c> and <c>Mcp-Param-*</c> headers (SEP-2243),
/// and tool schemas kept as the server wrote them, network <c>$ref</c>s not followed (SEP-1613, SEP-2106). The connection
/// is left to negotiate the revision (no pinned version), and the client does only what the suite asks of it: list the
/// tools and call them. Each obligation is met below the client, by the runtime's connection and the MCP SDK under it.
/// (<c>http-custom-headers</c> goes through a generated client instead: see <see cref="Scenarios"/>.)
/// </summary>
internal static class RevisionScenarios
{
    /// <summary>In <c>json-schema-2020-12-preservation</c>, the tool with the rich schema, and the tool that echoes a schema.</summary>
    private const string RichSchemaTool = "json_schema_2020_12_tool";

    private const string SchemaEchoTool = "json_schema_echo";

    /// <summary>The value given to every required parameter when a scenario does not say what to send (its tools take strings).</summary>
    private static readonly JsonElement Placeholder = JsonSerializer.SerializeToElement("conformance");

    /// <summary>SEP-2322 (MRTR): the server asks for an elicitation mid-call, and the client retries with the answer.</summary>
    private const string RequestStateScenario = "sep-2322-client-request-state";

    public static bool Handles(string scenario) => scenario is "request-metadata" or "http-standard-headers"
        or "http-invalid-tool-headers" or "json-schema-ref-no-deref" or "json-schema-2020-12-preservation" or RequestStateScenario;

    public static async Task<int> RunAsync(string scenario, Uri serverUrl)
    {
        await using var connection = McpConnection.CreateUnauthenticated(new McpConnectionOptions
        {
            Endpoint = serverUrl,
            // Only where the scenario asks: a handler declares the elicitation capability, which the other scenarios'
            // checks would then count. The answer is the one the scenario's tools expect; echoing the requestState and
            // retrying under a new JSON-RPC id is the SDK's part, which the suite checks.
            ElicitationHandler = scenario == RequestStateScenario ? ConfirmAsync : null,
        });
        var tools = await connection.ListToolsAsync();
        Console.WriteLine($"Listed {tools.Count} tool(s): {string.Join(", ", tools.Select(tool => tool.Name))}.");
        switch (scenario)
        {
            case "http-standard-headers" or "http-invalid-tool-headers" or RequestStateScenario:
                // A tool whose x-mcp-header declarations are invalid is left out of the listing; every tool kept is called.
                foreach (var tool in tools)
                {
                    await CallAsync(connection, tool.Name, PlaceholderArguments(tool.ProtocolTool.InputSchema));
                }

                break;

            case "json-schema-2020-12-preservation":
                var schema = tools.Single(tool => tool.Name == RichSchemaTool).ProtocolTool.InputSchema;
                await CallAsync(connection, SchemaEchoTool, new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["schema"] = schema });
                break;
        }

        return 0;
    }

    private static ValueTask<ElicitResult> ConfirmAsync(ElicitRequestParams request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ElicitResult
        {
            Action = "accept",
            Content = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["confirmed"] = JsonSerializer.SerializeToElement(true) },
        });

    private static async Task CallAsync(McpConnection connection, string tool, Dictionary<string, JsonElement> arguments)
    {
        var result = await connection.CallToolAsync(new CallToolRequestParams { Name = tool, Arguments = arguments });
        Console.WriteLine($"{tool}: {string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text))}");
    }

    private static Dictionary<string, JsonElement> PlaceholderArguments(JsonElement inputSchema)
    {
        var arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (inputSchema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(entry => entry.GetString()).OfType<string>())
            {
                arguments[name] = Placeholder;
            }
        }

        return arguments;
    }
}
