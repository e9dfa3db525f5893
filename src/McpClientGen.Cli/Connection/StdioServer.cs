namespace McpClientGen.Cli.Connection;

/// <summary>A server that mcpgen starts and talks to over stdio (<c>--stdio</c>), unauthenticated.</summary>
/// <param name="Command">The program to run; the only part of the command line that messages name.</param>
/// <param name="Arguments">Its arguments, which may hold secrets and are never printed.</param>
/// <param name="EnvironmentNames">Variables of mcpgen's own environment to pass to the server (<c>--stdio-env</c>); their values are never printed.</param>
internal sealed record StdioServer(string Command, IReadOnlyList<string> Arguments, IReadOnlyList<string> EnvironmentNames);
