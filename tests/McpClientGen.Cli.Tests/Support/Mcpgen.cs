namespace McpClientGen.Cli.Tests.Support;

/// <summary>Runs <c>mcpgen</c> in-process through <see cref="Program.RunAsync"/>, with captured output and a given environment.</summary>
internal static class Mcpgen
{
    /// <summary>A guard against a hung suite when the code under test is broken, never a timing assertion.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = await Program.RunAsync(args, stdout, stderr, environment).WaitAsync(Limit);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
