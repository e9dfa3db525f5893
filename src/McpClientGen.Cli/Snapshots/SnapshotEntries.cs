using System.Text.Json.Nodes;
using McpClientGen.Cli.Drift;
using McpClientGen.Snapshots;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Cli.Snapshots;

/// <summary>What a snapshot lists and <c>check</c> compares: its tools, prompts, resources and resource templates.</summary>
/// <param name="Tools">The tools.</param>
/// <param name="Prompts">The prompts; none when the server has no <c>prompts</c> capability.</param>
/// <param name="Resources">The static resources.</param>
/// <param name="ResourceTemplates">The resource templates.</param>
internal sealed record SnapshotEntries(
    IReadOnlyList<Tool> Tools, IReadOnlyList<Prompt> Prompts, IReadOnlyList<Resource> Resources, IReadOnlyList<ResourceTemplate> ResourceTemplates)
{
    /// <summary>The entries of a captured snapshot.</summary>
    /// <exception cref="CommandFailedException">An entry has no key (name, URI or URI template), so it can be neither listed nor compared.</exception>
    public static SnapshotEntries Of(ToolSnapshot snapshot)
    {
        // The SDK's types declare these non-null, but a server's JSON can leave them out.
        RequireKeys(EntryKind.Tools, snapshot.Tools, tool => tool.Name);
        RequireKeys(EntryKind.Prompts, snapshot.Prompts, prompt => prompt.Name);
        RequireKeys(EntryKind.Resources, snapshot.Resources, resource => resource.Uri);
        RequireKeys(EntryKind.ResourceTemplates, snapshot.ResourceTemplates, template => template.UriTemplate);
        return new(snapshot.Tools, snapshot.Prompts, snapshot.Resources, snapshot.ResourceTemplates);
    }

    /// <summary>The entry counts for a message, kinds the snapshot has none of left out: "19 tools and 1 prompt".</summary>
    public string Describe()
    {
        var counts = new List<string> { EntryKind.Tools.Count(Tools.Count) };
        AddCount(counts, EntryKind.Prompts, Prompts.Count);
        AddCount(counts, EntryKind.Resources, Resources.Count);
        AddCount(counts, EntryKind.ResourceTemplates, ResourceTemplates.Count);
        return counts.Count == 1 ? counts[0] : $"{string.Join(", ", counts[..^1])} and {counts[^1]}";
    }

    /// <summary>
    /// The entries as a snapshot document, rendered by <see cref="SnapshotWriter"/> so that both sides of a comparison
    /// are written alike.
    /// </summary>
    public JsonObject ToDocument() =>
        JsonNode.Parse(SnapshotWriter.Write(server: null, protocolVersion: null, Tools, Prompts, Resources, ResourceTemplates))!.AsObject();

    private static void RequireKeys<T>(EntryKind kind, IReadOnlyList<T> entries, Func<T, string?> key)
    {
        var missing = entries.Count(entry => string.IsNullOrEmpty(key(entry)));
        if (missing > 0)
        {
            throw new CommandFailedException($"The server lists {kind.Count(missing)} without a '{kind.Key}'; mcpgen cannot list or compare such entries.");
        }
    }

    private static void AddCount(List<string> counts, EntryKind kind, int count)
    {
        if (count > 0)
        {
            counts.Add(kind.Count(count));
        }
    }
}
