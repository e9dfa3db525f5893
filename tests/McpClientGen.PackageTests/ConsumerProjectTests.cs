using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using McpClientGen.DemoServer;
using McpClientGen.Testing;

namespace McpClientGen.PackageTests;

/// <summary>
/// The user's journey with the packed package: a new console project outside the repository references McpClientGen
/// by version only, drops a snapshot into <c>schemas/</c>, annotates an interface and calls the demo server; then the
/// snapshot changes and the build follows it.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed partial class ConsumerProjectTests(PackedPackage package)
{
    private const string ClientInterface = """
        using McpClientGen;

        namespace Consumer;

        [McpClient("demo")]
        [ClientCredentials(Scopes = "demo.read")]
        public partial interface IDemoClient;
        """;

    private const string ProgramHeader = """
        using Consumer;
        using McpClientGen;
        using ModelContextProtocol.Protocol;

        await using var demo = DemoClient.Create(new McpConnectionOptions
        {
            Endpoint = new Uri(Environment.GetEnvironmentVariable("DEMO_MCP_ENDPOINT")!),
            ClientId = Environment.GetEnvironmentVariable("DEMO_CLIENT_ID")!,
            ClientSecret = Environment.GetEnvironmentVariable("DEMO_CLIENT_SECRET"),
            AuthorizationServer = new Uri(Environment.GetEnvironmentVariable("DEMO_AUTHORIZATION_SERVER")!),
        });

        var weather = await demo.GetWeatherAsync("Oslo");
        Console.WriteLine($"weather: {weather.City}, {weather.Conditions}, {weather.HumidityPercent}%");

        """;

    private const string CallsDivide = """
        var quotient = await demo.DivideAsync(dividend: 7, divisor: 2);
        Console.WriteLine($"divide: {string.Concat(quotient.Content.OfType<TextContentBlock>().Select(block => block.Text))}");

        """;

    [Fact]
    public async Task Console_project_builds_and_runs_from_the_package_and_its_build_follows_the_snapshot()
    {
        var project = Path.Combine(package.Workspace, "Consumer");
        await package.DotNetAsync(package.Workspace, "new", "console", "--name", "Consumer", "--output", project, "--no-restore").SucceedAsync();
        await package.DotNetAsync(project, "add", "package", "McpClientGen", "--version", package.Version).SucceedAsync();
        await File.WriteAllTextAsync(Path.Combine(project, "IDemoClient.cs"), ClientInterface);
        var program = Path.Combine(project, "Program.cs");
        var snapshot = Path.Combine(project, "schemas", "demo.mcp.json");
        Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);

        // 1. A snapshot without `divide`; the program calls get_weather on the live demo server.
        await File.WriteAllTextAsync(snapshot, DemoSnapshotWithout("divide"));
        await File.WriteAllTextAsync(program, ProgramHeader);
        await BuildAsync(project).SucceedAsync();

        await using var stack = await DemoStack.StartAsync();
        var run = await RunAsync(project, stack).SucceedAsync();
        Assert.Matches(WeatherLine(), run.Output);
        Assert.True(stack.TokenRequestCountFor(stack.ClientId) >= 1, $"The consumer called the server without a token.\n{run}");

        // 2. The server's snapshot gains `divide`: after a rebuild the program can call it.
        await File.WriteAllTextAsync(snapshot, DemoSnapshotWithout());
        await File.WriteAllTextAsync(program, ProgramHeader + CallsDivide);
        await BuildAsync(project).SucceedAsync();
        run = await RunAsync(project, stack).SucceedAsync();
        Assert.Matches(WeatherLine(), run.Output);
        Assert.Contains("divide: 3.5", run.Output, StringComparison.Ordinal);

        // 3. `get_weather` leaves the snapshot: the build fails exactly where the program calls it.
        await File.WriteAllTextAsync(snapshot, DemoSnapshotWithout("get_weather"));
        var broken = await BuildAsync(project);
        Assert.False(broken.Succeeded, $"The build succeeded although Program.cs calls a tool the snapshot no longer has.\n{broken}");
        var errors = CompilerErrors(broken.Output);
        var error = Assert.Single(errors, e => e.File == program);
        var (line, column) = Position(ProgramHeader + CallsDivide, "GetWeatherAsync");
        Assert.True(
            error.Code == "CS1061" && error.Line == line && error.Column == column && error.Message.Contains("'GetWeatherAsync'", StringComparison.Ordinal),
            $"Expected CS1061 for GetWeatherAsync at Program.cs({line},{column}), got {error}.\n{broken}");
        Assert.True(errors.Count == 1, $"Expected only that error.\n{broken}");
    }

    private Task<CommandResult> BuildAsync(string project) =>
        package.DotNetAsync(project, "build", "--no-restore", "-p:TreatWarningsAsErrors=true");

    private Task<CommandResult> RunAsync(string project, DemoStack stack) =>
        DotNetCli.RunAsync(
            project,
            new Dictionary<string, string>
            {
                ["DEMO_MCP_ENDPOINT"] = stack.McpEndpoint.AbsoluteUri,
                ["DEMO_CLIENT_ID"] = stack.ClientId,
                ["DEMO_CLIENT_SECRET"] = stack.ClientSecret,
                ["DEMO_AUTHORIZATION_SERVER"] = stack.Issuer.AbsoluteUri,
            },
            "run", "--no-build");

    /// <summary>The repository's demo snapshot, less some tools.</summary>
    private static string DemoSnapshotWithout(params string[] tools)
    {
        var snapshot = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("schemas", "demo.mcp.json")))!;
        var list = snapshot["tools"]!.AsArray();
        foreach (var tool in list.Where(tool => tools.Contains((string?)tool!["name"])).ToList())
        {
            list.Remove(tool);
        }

        return snapshot.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The 1-based line and column of the first occurrence of <paramref name="text"/>.</summary>
    private static (int Line, int Column) Position(string source, string text)
    {
        var lines = source.Split('\n');
        var index = Array.FindIndex(lines, line => line.Contains(text, StringComparison.Ordinal));
        return (index + 1, lines[index].IndexOf(text, StringComparison.Ordinal) + 1);
    }

    /// <summary>The distinct compiler errors in MSBuild's output (it repeats them in its summary).</summary>
    private static List<CompilerError> CompilerErrors(string output) =>
        CompilerErrorLine().Matches(output)
            .Select(match => new CompilerError(
                match.Groups["file"].Value,
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["code"].Value,
                match.Groups["message"].Value))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"^[ \t]*(?<file>[^\s(][^(\r\n]*)\((?<line>\d+),(?<column>\d+)\): error (?<code>\w+): (?<message>.*?)(?: \[[^\]]*\])?\r?$", RegexOptions.Multiline)]
    private static partial Regex CompilerErrorLine();

    [GeneratedRegex(@"^weather: Oslo, [a-z ]+, \d+%\r?$", RegexOptions.Multiline)]
    private static partial Regex WeatherLine();

    private sealed record CompilerError(string File, int Line, int Column, string Code, string Message);
}
