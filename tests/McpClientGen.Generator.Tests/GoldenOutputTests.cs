using System.Globalization;
using System.Text;
using McpClientGen.Testing;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// The generated code for representative snapshots, compared with the committed files. Each folder under
/// <c>Golden/</c> holds a snapshot, the <c>Interface.cs</c> that uses it, the expected <c>*.g.cs</c> files and
/// <c>diagnostics.txt</c>. The output must also compile without a warning. Set MCPGEN_UPDATE_GOLDEN=1 to
/// rewrite the expected files after an intended change, then review the diff.
/// </summary>
public sealed class GoldenOutputTests
{
    public static TheoryData<string> Cases() => ["Weather", "Shapes", "Declared"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Snapshot_generates_the_committed_code(string folder)
    {
        var directory = RepositoryPaths.Combine("tests", "McpClientGen.Generator.Tests", "Golden", folder);
        var snapshotFile = Directory.GetFiles(directory, "*.mcp.json").Single();
        var snapshot = new InMemoryAdditionalText("/schemas/" + Path.GetFileName(snapshotFile), File.ReadAllText(snapshotFile));
        var (output, diagnostics, driver) = GeneratorHarness.Run(File.ReadAllText(Path.Combine(directory, "Interface.cs")), snapshot);

        var generated = driver.GetRunResult().Results.Single().GeneratedSources
            .ToDictionary(source => source.HintName, source => source.SourceText.ToString());
        var actualDiagnostics = string.Concat(diagnostics.Select(d => Describe(d) + "\n"));
        if (Environment.GetEnvironmentVariable("MCPGEN_UPDATE_GOLDEN") == "1")
        {
            Rewrite(directory, generated, actualDiagnostics);
        }

        var expectedFiles = Directory.GetFiles(directory, "*.g.cs").Select(path => Path.GetFileName(path)!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedFiles, generated.Keys.Order(StringComparer.Ordinal).ToList());
        foreach (var (name, text) in generated)
        {
            AssertSameText(Path.Combine(directory, name), text);
        }

        AssertSameText(Path.Combine(directory, "diagnostics.txt"), actualDiagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems));
    }

    /// <summary>A diagnostic as one stable line: id, severity, position and message.</summary>
    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var position = span.IsValid ? $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})" : "(no location)";
        return $"{diagnostic.Id} {diagnostic.Severity} {position}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Fails with the first differing line and its neighbours, which is where a reviewer needs to look.</summary>
    private static void AssertSameText(string expectedPath, string actual)
    {
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : "";
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
            .First(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i]);
        var report = new StringBuilder($"{Path.GetFileName(expectedPath)} differs from the generated output at line {first + 1} (MCPGEN_UPDATE_GOLDEN=1 rewrites it):\n");
        for (var i = Math.Max(0, first - 3); i < first + 4; i++)
        {
            if (i < expectedLines.Length && (i >= actualLines.Length || expectedLines[i] != actualLines[i]))
            {
                report.Append(CultureInfo.InvariantCulture, $"- {i + 1,4}: {expectedLines[i]}\n");
            }

            if (i < actualLines.Length)
            {
                report.Append(CultureInfo.InvariantCulture, $"{(i < expectedLines.Length && expectedLines[i] == actualLines[i] ? " " : "+")} {i + 1,4}: {actualLines[i]}\n");
            }
        }

        Assert.Fail(report.ToString());
    }

    /// <summary>Writes the current output into the source tree (not the build output) for review.</summary>
    private static void Rewrite(string directory, Dictionary<string, string> generated, string diagnostics)
    {
        foreach (var stale in Directory.GetFiles(directory, "*.g.cs"))
        {
            File.Delete(stale);
        }

        foreach (var (name, text) in generated)
        {
            File.WriteAllText(Path.Combine(directory, name), text);
        }

        File.WriteAllText(Path.Combine(directory, "diagnostics.txt"), diagnostics);
    }
}
