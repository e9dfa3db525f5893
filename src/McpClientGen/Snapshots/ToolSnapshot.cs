using ModelContextProtocol.Protocol;

namespace McpClientGen.Snapshots;

/// <summary>
/// A server's tools (and prompts, resources and resource templates) with where they came from: what a <c>*.mcp.json</c> snapshot holds. Every snapshot this project
/// makes of a live server (<c>mcpgen snapshot</c>, the committed demo and conformance snapshots) is captured by
/// <see cref="CaptureAsync"/> and rendered by <see cref="ToJson"/>.
/// </summary>
/// <param name="Server">The server's name and version from the handshake, if known.</param>
/// <param name="ProtocolVersion">The MCP protocol version of the session, if known.</param>
/// <param name="Tools">The tools, in any order.</param>
public sealed record ToolSnapshot(Implementation? Server, string? ProtocolVersion, IReadOnlyList<Tool> Tools)
{
    /// <summary>The prompts, in any order; none for a server without the <c>prompts</c> capability.</summary>
    public IReadOnlyList<Prompt> Prompts { get; init; } = [];

    /// <summary>The static resources, in any order; none for a server without the <c>resources</c> capability.</summary>
    public IReadOnlyList<Resource> Resources { get; init; } = [];

    /// <summary>The resource templates, in any order; none for a server without the <c>resources</c> capability.</summary>
    public IReadOnlyList<ResourceTemplate> ResourceTemplates { get; init; } = [];

    /// <summary>
    /// Lists the tools, prompts, resources and resource templates of the server behind <paramref name="connection"/> (every page), with its name and versions.
    /// </summary>
    /// <param name="connection">The connection; its session is opened if it is not open yet.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public static async Task<ToolSnapshot> CaptureAsync(McpConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tools = await connection.ListToolsAsync(cancellationToken).ConfigureAwait(false);
        var prompts = await connection.ListPromptsAsync(cancellationToken).ConfigureAwait(false);
        var resources = await connection.ListResourcesAsync(cancellationToken).ConfigureAwait(false);
        var templates = await connection.ListResourceTemplatesAsync(cancellationToken).ConfigureAwait(false);
        var (server, protocolVersion) = await connection.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        return new ToolSnapshot(server, protocolVersion, tools.Select(tool => tool.ProtocolTool).ToList()) {
            Prompts = prompts.ToList(),
            Resources = resources.ToList(),
            ResourceTemplates = templates.ToList(),
        };
    }

    /// <summary>The snapshot document, written deterministically by <see cref="SnapshotWriter"/>.</summary>
    public string ToJson() => SnapshotWriter.Write(Server, ProtocolVersion, Tools, Prompts, Resources, ResourceTemplates);
}
