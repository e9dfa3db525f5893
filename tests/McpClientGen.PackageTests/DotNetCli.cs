using System.Diagnostics;
using McpClientGen.Testing;

namespace McpClientGen.PackageTests;

/// <summary>Runs the .NET CLI (or a tool it installed) the way a user's shell would, capturing everything it prints.</summary>
internal static class DotNetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The <c>dotnet</c> that runs these tests (the SDK sets DOTNET_HOST_PATH for its child processes).</summary>
    private static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    public static Task<CommandResult> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunProgramAsync(Host, workingDirectory, environment, arguments);

    /// <summary>Runs a program in the .NET CLI's environment, e.g. a global tool's launcher.</summary>
    public static async Task<CommandResult> RunProgramAsync(
        string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` runs this process with MSBuild's own settings in the environment; a nested build must not
        // inherit them. No MSBuild node may outlive its command, and messages are in English for the assertions.
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var result = await ChildProcess.RunAsync(start, Timeout);
        var shown = program == Host ? "dotnet" : program;
        return new CommandResult($"{shown} {string.Join(' ', arguments)}", workingDirectory, result.ExitCode, result.Output + result.Error);
    }

    /// <summary>The command's result, after asserting that it succeeded (its whole output is the failure message).</summary>
    public static async Task<CommandResult> SucceedAsync(this Task<CommandResult> command)
    {
        var result = await command;
        Assert.True(result.Succeeded, result.ToString());
        return result;
    }
}

/// <summary>What one CLI command did; its text is the whole output, for failure messages.</summary>
public sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"`{CommandLine}` in {WorkingDirectory} exited with {ExitCode}:\n{Output}";
}
