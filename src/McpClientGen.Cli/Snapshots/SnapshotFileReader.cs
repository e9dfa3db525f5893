using System.Text.Json;
using McpClientGen.Cli.Drift;
using McpClientGen.Snapshots;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Cli.Snapshots;

/// <summary>
/// Reads a <c>*.mcp.json</c> file in each form the generator accepts: a snapshot (<c>{"server": ..., "tools": [...]}</c>,
/// with the optional <c>prompts</c>, <c>resources</c> and <c>resourceTemplates</c> of format v2), a bare
/// <c>tools/list</c> result (<c>{"tools": [...]}</c>) or a bare array of tools.
/// </summary>
internal static class SnapshotFileReader
{
    public static async Task<SnapshotFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"Cannot read the snapshot: {exception.Message}", exception);
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            return Read(document.RootElement, path);
        }
        catch (JsonException exception)
        {
            throw new CommandFailedException($"{path} is not a snapshot: {exception.Message}", exception);
        }
    }

    private static SnapshotFile Read(JsonElement root, string path)
    {
        JsonElement tools;
        Implementation? server = null;
        string? protocolVersion = null;
        var rest = default(JsonElement);
        if (root.ValueKind == JsonValueKind.Array)
        {
            tools = root;
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("tools", out tools) && tools.ValueKind == JsonValueKind.Array)
        {
            if (root.TryGetProperty("server", out var serverInfo) && serverInfo.ValueKind == JsonValueKind.Object)
            {
                server = new Implementation { Name = Text(serverInfo, "name") ?? "", Version = Text(serverInfo, "version") ?? "" };
            }

            protocolVersion = Text(root, "protocolVersion");
            rest = root;
        }
        else
        {
            throw new CommandFailedException($"{path} is not a snapshot: it has no \"tools\" array.");
        }

        var entries = new SnapshotEntries(
            ReadEntries<Tool>(tools, EntryKind.Tools, tool => tool.Name, path),
            ReadOptional<Prompt>(rest, EntryKind.Prompts, prompt => prompt.Name, path),
            ReadOptional<Resource>(rest, EntryKind.Resources, resource => resource.Uri, path),
            ReadOptional<ResourceTemplate>(rest, EntryKind.ResourceTemplates, template => template.UriTemplate, path));
        var toolsOnly = rest.ValueKind != JsonValueKind.Object
            || (server is null && protocolVersion is null && !EntryKind.All.Skip(1).Any(kind => rest.TryGetProperty(kind.ArrayName, out _)));
        return new SnapshotFile(new ToolSnapshot(server, protocolVersion, entries.Tools) { Prompts = entries.Prompts, Resources = entries.Resources, ResourceTemplates = entries.ResourceTemplates }, entries, toolsOnly);
    }

    /// <summary>An array of format v2 beside <c>tools</c>: absent in older snapshots, and never in a bare tool list.</summary>
    private static List<T> ReadOptional<T>(JsonElement root, EntryKind kind, Func<T, string?> key, string path)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(kind.ArrayName, out var array))
        {
            return [];
        }

        return array.ValueKind == JsonValueKind.Array
            ? ReadEntries(array, kind, key, path)
            : throw new CommandFailedException($"{path} is not a snapshot: its \"{kind.ArrayName}\" is not an array.");
    }

    private static List<T> ReadEntries<T>(JsonElement array, EntryKind kind, Func<T, string?> key, string path)
    {
        var list = new List<T>();
        foreach (var element in array.EnumerateArray())
        {
            list.Add(ReadEntry(element, list.Count, kind, key, path));
        }

        return list;
    }

    private static T ReadEntry<T>(JsonElement element, int index, EntryKind kind, Func<T, string?> key, string path)
    {
        try
        {
            // The SDK's own model and options: an entry then reads exactly as it does from a live list.
            if (element.Deserialize<T>(McpJsonUtilities.DefaultOptions) is { } entry && key(entry) is { Length: > 0 })
            {
                return entry;
            }
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            throw new CommandFailedException($"{path}: {kind.Singular} #{index + 1} is not a valid MCP {kind.Singular}: {exception.Message}", exception);
        }

        throw new CommandFailedException($"{path}: {kind.Singular} #{index + 1} has no {kind.Key}.");
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
