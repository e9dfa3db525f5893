namespace McpClientGen;

/// <summary>
/// Marks a <c>partial interface</c> as a typed client for an MCP server. The source generator adds one method
/// per tool found in the snapshot <c>schemas/&lt;snapshot&gt;.mcp.json</c> and an implementation class.
/// </summary>
/// <remarks>
/// For <c>[McpClient("crm")] partial interface ICrmClient</c> the generator emits the interface members and a
/// <c>CrmClient</c> class deriving from <see cref="McpClientProxy"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class McpClientAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="snapshot">The snapshot's name: the file name of a <c>*.mcp.json</c> additional file without that suffix.</param>
    public McpClientAttribute(string snapshot) => Snapshot = snapshot;

    /// <summary>The snapshot's name, for example <c>crm</c> for <c>schemas/crm.mcp.json</c>.</summary>
    public string Snapshot { get; }

    /// <summary>
    /// Names of the tools, prompts, resources and resource templates to generate methods for; all of them when not set.
    /// <c>*</c> matches any run of characters, so <c>"get_*"</c> selects every entry whose name starts with <c>get_</c>.
    /// A pattern that matches no entry is a warning (MCPGEN016).
    /// </summary>
    public string[]? Include { get; set; }

    /// <summary>Names of tools, prompts and resources (with <c>*</c> wildcards) to leave out, applied after <see cref="Include"/>.</summary>
    public string[]? Exclude { get; set; }

    /// <summary>
    /// A System.Text.Json source-generated context that reads the results of <c>[McpTool]</c> methods declared to
    /// return your own types, for example <c>Task&lt;Issue&gt;</c> from a tool that publishes no output schema.
    /// </summary>
    /// <remarks>
    /// Write it as <c>[JsonSerializable(typeof(Issue))] internal partial class GitHubJson : JsonSerializerContext;</c>
    /// with one <c>[JsonSerializable]</c> per declared result type, and name it here:
    /// <c>[McpClient("github", JsonContext = typeof(GitHubJson))]</c>. The generated code reads results through its
    /// static <c>Default</c> instance, so it stays trimming- and Native-AOT-safe; there is no reflection fallback.
    /// Not needed for <c>Task&lt;JsonElement&gt;</c>, <c>Task&lt;string&gt;</c> or the generated result types.
    /// </remarks>
    public Type? JsonContext { get; set; }
}
