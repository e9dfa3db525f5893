using System.Linq;
using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>
/// Emits the method that reads one static resource or resource template: declared with XML docs in the interface,
/// implemented in the client class by the proxy's <c>ReadResourceCore</c> (a fixed URI) or
/// <c>ReadResourceTemplateCore</c>, which expands the template at run time with the variables as given.
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
            var encoding = variable.Operator is "+" or "#"
                ? "reserved characters such as '/' are kept, everything else is percent-encoded"
                : "percent-encoded except for letters, digits and '-', '.', '_', '~'";
            XmlDoc.Write(writer, "param", $"The value of '{variable.WireName}' in the URI template; {encoding}.", $" name=\"{variable.ParameterName.TrimStart('@')}\"");
        }

        EntryMethods.WriteDeclarationEnd(writer, "The resource's contents; <c>GetText()</c> and <c>GetBytes()</c> read a single item.", Signature(resource));
    }

    public static void WriteImplementation(SourceWriter writer, ResourceSpec resource) =>
        EntryMethods.WriteImplementation(
            writer,
            Signature(resource),
            resource.Variables.Select(variable => variable.ParameterName),
            resource.IsTemplate
                ? $"ReadResourceTemplateCore({Literal.Of(resource.Uri)}, {EntryMethods.ByWireName(resource.Variables.Select(variable => (variable.WireName, variable.ParameterName)))}, cancellationToken)"
                : $"ReadResourceCore({Literal.Of(resource.Uri)}, cancellationToken)");

    private static string Signature(ResourceSpec resource) =>
        EntryMethods.Signature(Result, resource.MethodName, resource.Variables.Select(variable => $"string {variable.ParameterName}"));
}
