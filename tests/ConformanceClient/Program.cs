using McpClientGen;
using McpClientGen.ConformanceClient;

// The MCP conformance suite runs this with MCP_CONFORMANCE_SCENARIO, MCP_CONFORMANCE_CONTEXT and the server URL as the
// last argument. Each scenario is served by generated clients and the runtime's auth, as an application would use them.
var scenario = Environment.GetEnvironmentVariable("MCP_CONFORMANCE_SCENARIO");
if (string.IsNullOrEmpty(scenario) || args.Length == 0 || !Uri.TryCreate(args[^1], UriKind.Absolute, out var serverUrl))
{
    Console.Error.WriteLine("Usage: MCP_CONFORMANCE_SCENARIO=<scenario> [MCP_CONFORMANCE_CONTEXT=<json>] ConformanceClient <server URL>");
    return 2;
}

try
{
    return await Scenarios.RunAsync(scenario, serverUrl, ConformanceContext.FromEnvironment());
}
catch (Exception error) when (error is McpAuthenticationException or McpAuthorizationException or McpToolException or HttpRequestException or InvalidOperationException)
{
    Console.Error.WriteLine($"{scenario} failed: {error.Message}");
    return 1;
}
