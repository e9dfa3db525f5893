using System.Collections.Generic;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing;

namespace McpClientGen.Generator.Binding;

/// <summary>
/// Binds the result types a declared method may return besides the generated ones: <c>Task&lt;JsonElement&gt;</c>,
/// <c>Task&lt;string&gt;</c>, and <c>Task&lt;T&gt;</c> for a type of the user's own that their JSON context lists.
/// </summary>
internal static class DeclaredReturnBinder
{
    /// <summary>These returns, as MCPGEN015 lists them after the generated ones.</summary>
    public static readonly string[] Allowed =
        ["Task<JsonElement>", "Task<string>", "Task<T> for your own type T with [McpClient(JsonContext = typeof(YourJsonContext))]"];

    public static (ToolReturn Return, DeclaredReturnSpec? Declared)? Bind(DeclaredResult result, List<DiagnosticInfo> diagnostics)
    {
        if (result.Problem is { } problem)
        {
            diagnostics.Add(problem);
            return null;
        }

        return result.Kind switch
        {
            DeclaredResultKind.Json => (ToolReturn.Json, new DeclaredReturnSpec(result.Type, null)),
            DeclaredResultKind.Text => (ToolReturn.Text, new DeclaredReturnSpec(result.Type, null)),
            DeclaredResultKind.UserType => (ToolReturn.Declared, new DeclaredReturnSpec(result.Type, result.JsonContext)),
            // The context's own diagnostic (MCPGEN020 or MCPGEN021) explains; the method is left out.
            _ => null,
        };
    }
}
