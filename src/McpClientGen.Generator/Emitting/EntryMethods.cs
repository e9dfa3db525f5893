using System.Collections.Generic;
using System.Linq;

namespace McpClientGen.Generator.Emitting;

/// <summary>
/// What the methods of prompts and resources share: docs led by the entry's title and description, a signature ending
/// in the cancellation token, and a body that checks the required parameters and returns one call to the proxy, its
/// arguments given by wire name.
/// </summary>
internal static class EntryMethods
{
    /// <summary>
    /// The summary: the title, else the description, else <paramref name="fallback"/>; the remarks: the description
    /// when the title took the summary, then <paramref name="remarks"/>. A blank title or description counts as none, as
    /// in <see cref="XmlDoc.FirstOf"/>, so the description is never written twice.
    /// </summary>
    public static void WriteSummary(SourceWriter writer, string fallback, string? title, string? description, string remarks)
    {
        XmlDoc.Write(writer, "summary", XmlDoc.FirstOf(fallback, title, description));
        var titleTookSummary = !string.IsNullOrWhiteSpace(title) && !string.IsNullOrWhiteSpace(description);
        XmlDoc.Write(writer, "remarks", (titleTookSummary ? description + "\n\n" : "") + remarks);
    }

    /// <summary>The docs of the token and the result, then the declaration itself.</summary>
    public static void WriteDeclarationEnd(SourceWriter writer, string returns, string signature)
    {
        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.Line($"/// <returns>{returns}</returns>");
        writer.Line(signature + ";");
    }

    public static string Signature(string result, string methodName, IEnumerable<string> parameters) =>
        $"{TypeSyntax.Task}<{result}> {methodName}({string.Join(", ", parameters.Concat([$"{TypeSyntax.CancellationToken} cancellationToken = default"]))})";

    /// <summary>The implementation: a null check of each required parameter, then the call.</summary>
    public static void WriteImplementation(SourceWriter writer, string signature, IEnumerable<string> requiredParameters, string call)
    {
        writer.Line("/// <inheritdoc />");
        NonUserCode.Write(writer);
        using (writer.Block("public " + signature))
        {
            foreach (var parameter in requiredParameters)
            {
                writer.Line($"{TypeSyntax.ArgumentNullException}.ThrowIfNull({parameter});");
            }

            writer.Line($"return {call};");
        }
    }

    /// <summary>The arguments as a collection of key-value pairs: <c>[new("wire", parameter), …]</c>.</summary>
    public static string ByWireName(IEnumerable<(string WireName, string ParameterName)> arguments) =>
        "[" + string.Join(", ", arguments.Select(argument => $"new({Literal.Of(argument.WireName)}, {argument.ParameterName})")) + "]";
}
