using System.Globalization;
using System.Text;
using McpClientGen.Testing;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// The generated code for representative snapshots, compared with the committed files. Each folder under
/// <c>Golden/</c> holds a snapshot (and the overlay beside it, if any), the <c>Interface.cs</c> that uses it, the expected <c>*.g.cs</c> files and
/// <c>diagnostics.txt</c>. The output must also compile without a warning. After an intended change, run once with
/// MCPGEN_UPDATE_GOLDEN=1: the expected files are rewritten and the test fails, saying which; review the diff, then
/// re-run without the variable. CI (<c>CI=true</c>) never rewrites them.
/// </summary>
public sealed class GoldenOutputTests
{
    private const string UpdateVariable = "MCPGEN_UPDATE_GOLDEN";

    public static TheoryData<string> Cases() => ["Weather", "Shapes", "Declared", "DeclaredResults", "Overlay", "NumbersAndDefaults", "Schema2020", "Prompts", "Resources"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Snapshot_generates_the_committed_code(string folder)
    {
        var directory = RepositoryPaths.Combine("tests", "McpClientGen.Generator.Tests", "Golden", folder);
        var files = Directory.GetFiles(directory, "*.mcp.json").Concat(Directory.GetFiles(directory, "*.overlay.json"))
            .Select(file => new InMemoryAdditionalText("/schemas/" + Path.GetFileName(file), File.ReadAllText(file)))
            .ToArray();
        var (output, diagnostics, driver) = GeneratorHarness.Run(File.ReadAllText(Path.Combine(directory, "Interface.cs")), files);

        var generated = driver.GetRunResult().Results.Single().GeneratedSources
            .ToDictionary(source => source.HintName, source => source.SourceText.ToString());
        var actualDiagnostics = string.Concat(diagnostics.Select(d => Describe(d) + "\n"));
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Assert.False(
                Environment.GetEnvironmentVariable("CI") == "true",
                $"{UpdateVariable}=1 is set, but CI only compares golden files (CI=true): update them locally and commit them.");
            var updated = Rewrite(directory, generated, actualDiagnostics);
            Assert.Fail(updated.Count == 0
                ? $"{UpdateVariable}=1: the golden files of {folder} already match. Re-run without it."
                : $"{UpdateVariable}=1 updated {string.Join(", ", updated)} in {folder}. Review the diff, then re-run without it.");
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
        var report = new StringBuilder($"{Path.GetFileName(expectedPath)} differs from the generated output at line {first + 1} ({UpdateVariable}=1 rewrites it):\n");
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

    /// <summary>
    /// Writes the current output into the source tree (not the build output) for review, touching only files that
    /// change; returns their names.
    /// </summary>
    private static List<string> Rewrite(string directory, Dictionary<string, string> generated, string diagnostics)
    {
        var updated = new List<string>();
        foreach (var stale in Directory.GetFiles(directory, "*.g.cs").Where(path => !generated.ContainsKey(Path.GetFileName(path))))
        {
            File.Delete(stale);
            updated.Add(Path.GetFileName(stale));
        }

        foreach (var (name, text) in generated.Append(new("diagnostics.txt", diagnostics)).OrderBy(file => file.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path) || File.ReadAllText(path) != text)
            {
                File.WriteAllText(path, text);
                updated.Add(name);
            }
        }

        return updated;
    }
}
