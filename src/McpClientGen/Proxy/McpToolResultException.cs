namespace McpClientGen;

/// <summary>
/// Thrown when a tool's result does not match the shape the client expects: the shape its snapshot promised (for
/// example a required property is missing or has another JSON type; usually the server changed, so capture a new
/// snapshot), or the type an <c>[McpTool]</c> method declares (the result has no JSON, or the JSON does not fit).
/// </summary>
public sealed class McpToolResultException : Exception
{
    /// <summary>Creates the exception for a result that does not match its snapshot.</summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="message">What did not match.</param>
    public McpToolResultException(string toolName, string message)
        : base($"The result of MCP tool '{toolName}' does not match its snapshot: {message}")
    {
        ToolName = toolName;
    }

    private McpToolResultException(string toolName, string fullMessage, Exception? innerException)
        : base(fullMessage, innerException)
    {
        ToolName = toolName;
    }

    /// <summary>The tool's wire name.</summary>
    public string ToolName { get; }

    /// <summary>A result that cannot be read as the type a declared method returns.</summary>
    internal static McpToolResultException ForDeclaredType(string toolName, string typeName, string message, Exception? innerException) =>
        new(toolName, $"The result of MCP tool '{toolName}' cannot be read as '{typeName}': {message}", innerException);
}
