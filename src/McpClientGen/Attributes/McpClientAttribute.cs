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
}
