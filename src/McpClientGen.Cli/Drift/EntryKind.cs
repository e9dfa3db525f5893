namespace McpClientGen.Cli.Drift;

/// <summary>
/// One of the arrays of a snapshot (format v2): the entries it holds, the member that identifies an entry, and the
/// members <c>check</c> compares, in the order the snapshot writes them.
/// </summary>
/// <param name="ArrayName">The array's key in the snapshot document.</param>
/// <param name="Key">The member that identifies an entry: a tool's or prompt's <c>name</c>, a resource's <c>uri</c>.</param>
/// <param name="Singular">How messages name one entry.</param>
/// <param name="Plural">How messages name several.</param>
/// <param name="PartNames">The compared members besides the key.</param>
internal sealed record EntryKind(string ArrayName, string Key, string Singular, string Plural, IReadOnlyList<string> PartNames)
{
    public static readonly EntryKind Tools = new("tools", "name", "tool", "tools", ["title", "description", "inputSchema", "outputSchema", "annotations"]);

    /// <summary>A prompt's arguments are one part: their order, descriptions and <c>required</c> flags diff by line.</summary>
    public static readonly EntryKind Prompts = new("prompts", "name", "prompt", "prompts", ["title", "description", "arguments"]);

    public static readonly EntryKind Resources = new("resources", "uri", "resource", "resources", ["name", "title", "description", "mimeType", "size"]);

    public static readonly EntryKind ResourceTemplates = new(
        "resourceTemplates", "uriTemplate", "resource template", "resource templates", ["name", "title", "description", "mimeType"]);

    /// <summary>Every kind, in the order of the arrays in a snapshot.</summary>
    public static readonly IReadOnlyList<EntryKind> All = [Tools, Prompts, Resources, ResourceTemplates];

    /// <summary>"1 prompt", "19 tools".</summary>
    public string Count(int count) => $"{count} {(count == 1 ? Singular : Plural)}";
}
