using System.Globalization;

namespace McpClientGen.IntegrationTests.Stdio;

/// <summary>
/// The running children of this test process whose command line holds a marker: a marker of its own per test keeps tests
/// that run side by side apart. Read from /proc (Linux), where a child that has ended and been reaped no longer shows.
/// </summary>
internal static class ChildProcesses
{
    public static IReadOnlyList<int> WithArgument(string marker) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(id => ParentOf(id) == Environment.ProcessId && CommandLineOf(id).Contains(marker))];

    /// <summary>The arguments in /proc/&lt;id&gt;/cmdline, which separates them with NUL.</summary>
    private static string[] CommandLineOf(int id) =>
        ReadOrEmpty($"/proc/{id}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The fourth field of /proc/&lt;id&gt;/stat, counted after the command name in parentheses (which may hold spaces).</summary>
    private static int? ParentOf(int id)
    {
        var stat = ReadOrEmpty($"/proc/{id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent) ? parent : null;
    }

    // A process may end between listing /proc and reading its files.
    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
    }
}
