using McpClientGen.StdioTestServer;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// An MCP server over stdio for the tests: stdout carries the protocol only, so nothing else may write there.
// It runs without the generic host on purpose: the host's console lifetime would hold the process open on
// Environment.Exit (the exit tool) until the tool call it is inside of ends, and answer that call.
var services = new ServiceCollection();
services.AddMcpServer(options => options.ServerInfo = new Implementation { Name = "mcpclientgen-stdio-test", Version = "1.0.0" })
    .WithStdioServerTransport()
    .WithTools<StdioTestTools>()
    .WithPrompts<StdioTestPrompts>();

await using var provider = services.BuildServiceProvider();
// Ends when the client closes stdin (the connection was disposed).
await provider.GetRequiredService<McpServer>().RunAsync();
