#:project ../src/McpClientGen/McpClientGen.csproj
// A program, not library code: like tests and samples (see .editorconfig) it needs no ConfigureAwait(false).
#:property NoWarn=$(NoWarn);CA2007

// Captures the tools/list of one MCP server started over stdio as a *.mcp.json snapshot. It is written in C#
// with the SDK's stdio transport so that snapshots from npm servers go through the same SnapshotWriter as
// schemas/demo.mcp.json: one implementation of the format. capture-npm-servers.sh runs it for each server.
//
// Usage: dotnet run capture-mcp-server.cs -- <output.mcp.json> [NAME=VALUE ...] -- <command> [arguments ...]
//   NAME=VALUE  environment variables for the server, on top of the SDK's short list of safe defaults
//               (PATH, HOME, ...): the rest of this process's environment is not handed to third-party code.

using McpClientGen.Snapshots;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

var separator = Array.IndexOf(args, "--");
if (separator < 1 || separator == args.Length - 1)
{
    Console.Error.WriteLine("usage: dotnet run capture-mcp-server.cs -- <output.mcp.json> [NAME=VALUE ...] -- <command> [arguments ...]");
    return 2;
}

var output = Path.GetFullPath(args[0]);
var environment = StdioClientTransportOptions.GetDefaultEnvironmentVariables();
foreach (var assignment in args[1..separator])
{
    var (name, value) = assignment.Split('=', 2) is [var n, var v] ? (n, v) : throw new ArgumentException($"not NAME=VALUE: {assignment}");
    environment[name] = value;
}

var command = args[separator + 1];
var arguments = args[(separator + 2)..];
var label = Path.GetFileName(output);

var transport = new StdioClientTransport(new StdioClientTransportOptions
{
    Name = label,
    Command = command,
    Arguments = arguments,
    InheritEnvironmentVariables = false,
    EnvironmentVariables = environment,
    StandardErrorLines = line => Console.Error.WriteLine($"  [{label} stderr] {line}"),
});

// No sampling, elicitation or roots handlers: the server sees the same capabilities as a generated client
// (McpConnection advertises none of them), so the snapshot lists the tools such a client would be offered.
await using var client = await McpClient.CreateAsync(
    transport,
    new McpClientOptions { ClientInfo = new Implementation { Name = "McpClientGen-capture", Version = "1.0.0" } });

var tools = new List<Tool>();
string? cursor = null;
var pages = 0;
do
{
    var page = await client.ListToolsAsync(new ListToolsRequestParams { Cursor = cursor });
    tools.AddRange(page.Tools);
    cursor = page.NextCursor;
    pages++;
}
while (cursor is not null);

var snapshot = SnapshotWriter.Write(client.ServerInfo, client.NegotiatedProtocolVersion, tools);

// A snapshot is committed, so it must not depend on where this ran: refuse rather than silently commit a path
// from this machine (the filesystem server's allowed directory, the memory file, the checkout, the home folder).
var machinePaths = args[1..]
    .Select(argument => argument.Split('=', 2)[^1])
    .Append(Environment.CurrentDirectory)
    .Append(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile))
    .Where(path => Path.IsPathFullyQualified(path) && path.Length > 1)
    .Distinct(StringComparer.Ordinal);
if (machinePaths.FirstOrDefault(path => snapshot.Contains(path, StringComparison.Ordinal)) is { } leaked)
{
    Console.Error.WriteLine($"{label}: the snapshot contains the machine-specific path {leaked}; not written.");
    return 1;
}

await File.WriteAllTextAsync(output, snapshot);
Console.Error.WriteLine(
    $"{label}: {client.ServerInfo?.Name} {client.ServerInfo?.Version}, protocol {client.NegotiatedProtocolVersion}, " +
    $"{tools.Count} tools in {pages} page(s) -> {output}");
return 0;
