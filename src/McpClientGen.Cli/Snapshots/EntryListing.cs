using McpClientGen.Cli.CommandLine;
using McpClientGen.Cli.Drift;

namespace McpClientGen.Cli.Snapshots;

/// <summary>
/// What <c>mcpgen list</c> prints: the tools, one per line, sorted by name, with their titles; then, under a heading
/// each, the prompts (with their arguments, optional ones marked <c>?</c>), resources and resource templates the server
/// has. A server with tools alone prints exactly the tool lines, as before prompts and resources were listed.
/// </summary>
internal static class EntryListing
{
    public static async Task WriteAsync(TextWriter output, SnapshotEntries entries)
    {
        await WriteRowsAsync(output, entries.Tools.Select(tool => (tool.Name, tool.Title ?? tool.Annotations?.Title))).ConfigureAwait(false);
        await WriteSectionAsync(output, EntryKind.Prompts, entries.Prompts.Select(prompt => (
            $"{prompt.Name}({string.Join(", ", (prompt.Arguments ?? []).Select(argument => argument.Required == true ? argument.Name : argument.Name + "?"))})",
            prompt.Title ?? prompt.Description))).ConfigureAwait(false);
        await WriteSectionAsync(output, EntryKind.Resources, entries.Resources.Select(resource => (resource.Uri, (string?)(resource.Title ?? resource.Name))))
            .ConfigureAwait(false);
        await WriteSectionAsync(output, EntryKind.ResourceTemplates, entries.ResourceTemplates.Select(template => (template.UriTemplate, (string?)(template.Title ?? template.Name))))
            .ConfigureAwait(false);
    }

    private static async Task WriteSectionAsync(TextWriter output, EntryKind kind, IEnumerable<(string Key, string? Label)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"{char.ToUpperInvariant(kind.Plural[0])}{kind.Plural[1..]}:").ConfigureAwait(false);
        await WriteRowsAsync(output, list).ConfigureAwait(false);
    }

    /// <summary>One row per entry, sorted by key, the labels lined up in a column.</summary>
    private static async Task WriteRowsAsync(TextWriter output, IEnumerable<(string Key, string? Label)> rows)
    {
        // The server's text, made safe for the terminal before it is sorted and measured.
        var sorted = rows
            .Select(row => (Key: OneLineText.Of(row.Key), Label: row.Label is null ? null : OneLineText.Of(row.Label)))
            .OrderBy(row => row.Key, StringComparer.Ordinal)
            .ToList();
        var width = sorted.Count == 0 ? 0 : sorted.Max(row => row.Key.Length);
        foreach (var (key, label) in sorted)
        {
            await output.WriteLineAsync(label is null ? key : $"{key.PadRight(width)}  {label}").ConfigureAwait(false);
        }
    }
}
