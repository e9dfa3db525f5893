using System.CommandLine;
using McpClientGen.Cli.Commands;

namespace McpClientGen.Cli.CommandLine;

/// <summary>The root command and its subcommands.</summary>
internal static class McpgenCommand
{
    public static RootCommand Create(CliContext context)
    {
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Also write the runtime's logs (discovery, token requests; never secrets) and stack traces to standard error.",
            Recursive = true,
        };

        var root = new RootCommand(
            "Captures, checks, lists and samples the tools of an MCP server for McpClientGen, authenticating with OAuth 2.0 client credentials.")
        {
            // By default the name comes from the entry assembly, which is the test host when tests run commands in-process.
            HelpName = "mcpgen",
        };
        root.Add(verbose);
        root.Add(SnapshotCommand.Create(context, verbose));
        root.Add(CheckCommand.Create(context, verbose));
        root.Add(ListCommand.Create(context, verbose));
        root.Add(SampleCommand.Create(context, verbose));
        return root;
    }
}
