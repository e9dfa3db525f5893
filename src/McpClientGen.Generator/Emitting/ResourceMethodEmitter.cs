using System.Linq;
using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>
/// Emits the method that reads one static resource or resource template: declared with XML docs in the interface,
/// implemented in the client class by the proxy's <c>ReadResourceCore</c> (a fixed URI) or
/// <c>ReadResourceTemplateCore</c>, which expands the template at run time with the variables as given. A template's
/// required variables come first, then its optional ones (those of <c>? &amp; ; #</c>, <c>string? … = null</c>).
/// </summary>
internal static class ResourceMethodEmitter
{
    private const string Result = "global::ModelContextProtocol.Protocol.ReadResourceResult";

    public static void WriteDeclaration(SourceWriter writer, ResourceSpec resource)
    {
        var kind = resource.IsTemplate ? "resource template" : "resource";
        var mimeType = resource.MimeType is null ? "" : $" Its content is {resource.MimeType}.";
        EntryMethods.WriteSummary(writer, $"Reads the MCP {kind} '{resource.WireName}'.", resource.Title, resource.Description, $"Reads {resource.Uri} (resources/read).{mimeType}");
        foreach (var variable in resource.Variables)
        {
            var optional = variable.IsOptional ? " Optional: null leaves it out of the URI (RFC 6570, section 3.2.1)." : "";
            XmlDoc.Write(writer, "param", $"The value of '{variable.WireName}' in the URI template; {EncodingOf(variable.Encoding)}.{optional}", $" name=\"{variable.ParameterName.TrimStart('@')}\"");
        }

        EntryMethods.WriteDeclarationEnd(writer, "The resource's contents; <c>GetText()</c> and <c>GetBytes()</c> read a single item.", Signature(resource));
    }

    public static void WriteImplementation(SourceWriter writer, ResourceSpec resource) =>
        EntryMethods.WriteImplementation(
            writer,
            Signature(resource),
            resource.Variables.Where(variable => !variable.IsOptional).Select(variable => variable.ParameterName),
            resource.IsTemplate
                ? $"ReadResourceTemplateCore({Literal.Of(resource.Uri)}, {EntryMethods.ByWireName(resource.Variables.Select(variable => (variable.WireName, variable.ParameterName)))}, cancellationToken)"
                : $"ReadResourceCore({Literal.Of(resource.Uri)}, cancellationToken)");

    private static string Signature(ResourceSpec resource) =>
        EntryMethods.Signature(Result, resource.MethodName, resource.Variables.Select(variable => variable.IsOptional ? $"string? {variable.ParameterName} = null" : $"string {variable.ParameterName}"));

    private static string EncodingOf(UriVariableEncoding encoding) => encoding switch
    {
        UriVariableEncoding.Reserved => ReservedKept,
        UriVariableEncoding.Both => $"where the template writes it with '+' or '#', {ReservedKept}; elsewhere {Encoded}",
        _ => Encoded,
    };

    private const string ReservedKept = "reserved characters such as '/' and existing %XX escapes are sent as they are, everything else is percent-encoded";

    private const string Encoded = "percent-encoded except for letters, digits and '-', '.', '_', '~'";
}
