using ModelContextProtocol.Protocol;

namespace McpClientGen;

/// <summary>Thrown when an MCP tool reports a failure (<c>isError: true</c> in its result).</summary>
public sealed class McpToolException : Exception
{
    /// <summary>Creates the exception for a failed tool call.</summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="result">The full result the server returned.</param>
    public McpToolException(string toolName, CallToolResult result)
        : base(FormatMessage(toolName, result))
    {
        ToolName = toolName;
        Result = result;
    }

    /// <summary>The tool's wire name.</summary>
    public string ToolName { get; }

    /// <summary>The text the tool returned, joined from its text content blocks.</summary>
    public string ErrorText => JoinText(Result);

    /// <summary>The full result the server returned, for details beyond the text.</summary>
    public CallToolResult Result { get; }

    private static string FormatMessage(string toolName, CallToolResult result)
    {
        var text = JoinText(result);
        return text.Length == 0
            ? $"The MCP tool '{toolName}' failed without an error message."
            : $"The MCP tool '{toolName}' failed: {text}";
    }

    private static string JoinText(CallToolResult result) =>
        string.Join(Environment.NewLine, result.Content.OfType<TextContentBlock>().Select(block => block.Text));
}
