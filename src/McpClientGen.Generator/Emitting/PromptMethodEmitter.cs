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
        EntryMethods.WriteSummary(writer, $"Gets the MCP prompt '{prompt.WireName}'.", prompt.Title, prompt.Description, $"Gets the MCP prompt '{prompt.WireName}' (prompts/get).");
        foreach (var argument in prompt.Arguments)
        {
            XmlDoc.Write(writer, "param", XmlDoc.FirstOf($"The '{argument.WireName}' argument.", argument.Description), $" name=\"{argument.ParameterName.TrimStart('@')}\"");
        }

        EntryMethods.WriteDeclarationEnd(writer, "The prompt's messages, with the arguments filled in by the server.", Signature(prompt));
    }

    public static void WriteImplementation(SourceWriter writer, PromptSpec prompt) =>
        EntryMethods.WriteImplementation(
            writer,
            Signature(prompt),
            prompt.Arguments.Where(argument => argument.IsRequired).Select(argument => argument.ParameterName),
            $"GetPromptCore({Literal.Of(prompt.WireName)}, {EntryMethods.ByWireName(prompt.Arguments.Select(argument => (argument.WireName, argument.ParameterName)))}, cancellationToken)");

    private static string Signature(PromptSpec prompt) =>
        EntryMethods.Signature(
            Result,
            prompt.MethodName,
            prompt.Arguments.Select(argument => argument.IsRequired ? $"string {argument.ParameterName}" : $"string? {argument.ParameterName} = null"));
}
