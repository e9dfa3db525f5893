namespace McpClientGen;

/// <summary>
/// Thrown when a tool's result does not match the shape its snapshot promised, for example a required
/// property is missing or has another JSON type. Usually the server changed: capture a new snapshot.
/// </summary>
public sealed class McpToolResultException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="message">What did not match.</param>
    public McpToolResultException(string toolName, string message)
        : base($"The result of MCP tool '{toolName}' does not match its snapshot: {message}")
    {
        ToolName = toolName;
    }

    /// <summary>The tool's wire name.</summary>
    public string ToolName { get; }
}
