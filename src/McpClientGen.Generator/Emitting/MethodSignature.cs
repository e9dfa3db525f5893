using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>The shared shape of a tool method on the interface and on the class.</summary>
internal static class MethodSignature
{
    /// <summary>Required parameters first, optional ones <c>= null</c>, the cancellation token last.</summary>
    public static string Parameters(ToolSpec tool, string generatedTypePrefix)
    {
        var parameters = tool.Parameters
            .Select(p => $"{TypeSyntax.Of(p, generatedTypePrefix)} {Naming.ToCamelCase(p.Identifier)}{(p.IsRequired ? "" : " = null")}")
            .Append($"{TypeSyntax.CancellationToken} cancellationToken = default");
        return string.Join(", ", parameters);
    }

    public static string Declaration(ToolSpec tool, string generatedTypePrefix) =>
        $"{TypeSyntax.Result(tool, generatedTypePrefix)} {tool.MethodName}({Parameters(tool, generatedTypePrefix)})";

    /// <summary>The XML docs of a tool method: title and description, the tool's hints, each parameter.</summary>
    public static void WriteDocs(SourceWriter writer, ToolSpec tool)
    {
        XmlDoc.Write(writer, "summary", XmlDoc.FirstOf($"Calls the MCP tool '{tool.WireName}'.", tool.Title, tool.Description));
        var remarks = new List<string>();
        if (tool.Title is not null && tool.Description is not null)
        {
            remarks.Add(tool.Description);
        }

        remarks.Add($"Calls the MCP tool '{tool.WireName}'.{Hints(tool.Annotations)}");
        XmlDoc.Write(writer, "remarks", string.Join("\n\n", remarks));
        foreach (var parameter in tool.Parameters)
        {
            XmlDoc.Write(
                writer,
                "param",
                XmlDoc.FirstOf($"The '{parameter.WireName}' argument.", parameter.Description),
                $" name=\"{Naming.ToCamelCase(parameter.Identifier).TrimStart('@')}\"");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        writer.Line(tool.Result is null
            ? "/// <returns>The tool's result as the server sent it.</returns>"
            : "/// <returns>The tool's structured result.</returns>");
        writer.Line("/// <exception cref=\"global::McpClientGen.McpToolException\">The tool reported an error (<c>isError</c>).</exception>");
    }

    private static string Hints(ToolAnnotationsSpec annotations)
    {
        var hints = new List<string>();
        AddHint(hints, annotations.ReadOnly, "read-only", "not read-only");
        AddHint(hints, annotations.Destructive, "destructive", "not destructive");
        AddHint(hints, annotations.Idempotent, "idempotent", "not idempotent");
        AddHint(hints, annotations.OpenWorld, "open-world", "closed-world");
        return hints.Count == 0 ? "" : " Server hints: " + string.Join(", ", hints) + ".";
    }

    private static void AddHint(List<string> hints, bool? value, string whenTrue, string whenFalse)
    {
        if (value is { } flag)
        {
            hints.Add(flag ? whenTrue : whenFalse);
        }
    }
}
