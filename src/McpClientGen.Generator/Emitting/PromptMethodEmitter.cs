using System.Linq;
using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>
/// Emits the method of one prompt: declared with XML docs in the interface, implemented in the client class by the
/// proxy's <c>GetPromptCore</c>. Arguments are strings on the wire, so each is a <c>string</c> parameter; an
/// optional one left <see langword="null"/> is not sent.
/// </summary>
internal static class PromptMethodEmitter
{
    private const string Result = "global::ModelContextProtocol.Protocol.GetPromptResult";

    public static void WriteDeclaration(SourceWriter writer, PromptSpec prompt)
    {
        XmlDoc.Write(writer, "summary", XmlDoc.FirstOf($"Gets the MCP prompt '{prompt.WireName}'.", prompt.Title, prompt.Description));
        var remarks = prompt.Title is not null && prompt.Description is not null ? prompt.Description + "\n\n" : "";
        XmlDoc.Write(writer, "remarks", remarks + $"Gets the MCP prompt '{prompt.WireName}' (prompts/get).");
        foreach (var argument in prompt.Arguments)
        {
            XmlDoc.Write(writer, "param", XmlDoc.FirstOf($"The '{argument.WireName}' argument.", argument.Description), $" name=\"{argument.ParameterName.TrimStart('@')}\"");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.Line("/// <returns>The prompt's messages, with the arguments filled in by the server.</returns>");
        writer.Line(Signature(prompt) + ";");
    }

    public static void WriteImplementation(SourceWriter writer, PromptSpec prompt)
    {
        writer.Line("/// <inheritdoc />");
        NonUserCode.Write(writer);
        using (writer.Block("public " + Signature(prompt)))
        {
            foreach (var argument in prompt.Arguments.Where(argument => argument.IsRequired))
            {
                writer.Line($"{TypeSyntax.ArgumentNullException}.ThrowIfNull({argument.ParameterName});");
            }

            var arguments = string.Join(", ", prompt.Arguments.Select(argument => $"new({Literal.Of(argument.WireName)}, {argument.ParameterName})"));
            writer.Line($"return GetPromptCore({Literal.Of(prompt.WireName)}, [{arguments}], cancellationToken);");
        }
    }

    private static string Signature(PromptSpec prompt)
    {
        var parameters = prompt.Arguments
            .Select(argument => argument.IsRequired ? $"string {argument.ParameterName}" : $"string? {argument.ParameterName} = null")
            .Concat([$"{TypeSyntax.CancellationToken} cancellationToken = default"]);
        return $"{TypeSyntax.Task}<{Result}> {prompt.MethodName}({string.Join(", ", parameters)})";
    }
}
