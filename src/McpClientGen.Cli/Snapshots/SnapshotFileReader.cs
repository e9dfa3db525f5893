using System.Text.Json;
using McpClientGen.Snapshots;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Cli.Snapshots;

/// <summary>
/// Reads a <c>*.mcp.json</c> file in each form the generator accepts: a snapshot (<c>{"server": ..., "tools": [...]}</c>),
/// a bare <c>tools/list</c> result (<c>{"tools": [...]}</c>) or a bare array of tools.
/// </summary>
internal static class SnapshotFileReader
{
    public static async Task<ToolSnapshot> ReadAsync(string path, CancellationToken cancellationToken)
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

    private static ToolSnapshot Read(JsonElement root, string path)
    {
        JsonElement tools;
        Implementation? server = null;
        string? protocolVersion = null;
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
        }
        else
        {
            throw new CommandFailedException($"{path} is not a snapshot: it has no \"tools\" array.");
        }

        var list = new List<Tool>();
        foreach (var element in tools.EnumerateArray())
        {
            list.Add(ReadTool(element, list.Count, path));
        }

        return new ToolSnapshot(server, protocolVersion, list);
    }

    private static Tool ReadTool(JsonElement element, int index, string path)
    {
        try
        {
            // The SDK's own model and options: a tool then reads exactly as it does from a live tools/list.
            if (element.Deserialize<Tool>(McpJsonUtilities.DefaultOptions) is { Name.Length: > 0 } tool)
            {
                return tool;
            }
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            throw new CommandFailedException($"{path}: tool #{index + 1} is not a valid MCP tool: {exception.Message}", exception);
        }

        throw new CommandFailedException($"{path}: tool #{index + 1} has no name.");
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
