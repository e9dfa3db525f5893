using System.Linq;
using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>
/// Emits the interface half of a client: the methods for the tools (two overloads each: flat parameters and an
/// arguments record, each with a hidden twin for calls written before progress), and the records and enums they use
/// as nested types, so two interfaces can use the same snapshot without clashing. Methods the user declared with <c>[McpTool]</c> are not repeated.
/// </summary>
internal static class InterfaceEmitter
{
    public static string Emit(ClientSpec client)
    {
        var (declaration, snapshot) = (client.Interface, client.Snapshot);
        var writer = FileHeader.Begin(client);

        using (writer.Block($"partial interface {declaration.Name}"))
        {
            var first = true;
            foreach (var method in client.Methods.Where(m => !m.IsDeclared))
            {
                writer.SeparateFromPrevious(ref first);
                MethodSignature.WriteDocs(writer, method, argumentsOverload: false);
                writer.Line(MethodSignature.Declaration(method, "") + ";");
                writer.Line();
                MethodSignature.WriteTokenOnlyDocs(writer, method);
                writer.Line(MethodSignature.TokenOnlyOverload(method, "") + ";");
                if (method.Tool.ArgumentsRecord is not null)
                {
                    writer.Line();
                    MethodSignature.WriteDocs(writer, method, argumentsOverload: true);
                    writer.Line(MethodSignature.ArgumentsOverload(method, "") + ";");
                    writer.Line();
                    MethodSignature.WriteTokenOnlyDocs(writer, method);
                    writer.Line(MethodSignature.ArgumentsTokenOnlyOverload(method, "") + ";");
                }
            }

            foreach (var prompt in client.Prompts)
            {
                writer.SeparateFromPrevious(ref first);
                PromptMethodEmitter.WriteDeclaration(writer, prompt);
            }

            foreach (var resource in client.Resources)
            {
                writer.SeparateFromPrevious(ref first);
                ResourceMethodEmitter.WriteDeclaration(writer, resource);
            }

            var (records, enums) = TypeGraph.Declarations(UsedTypes(client, snapshot), snapshot);
            foreach (var record in records)
            {
                writer.SeparateFromPrevious(ref first);
                WriteRecord(writer, record);
            }

            foreach (var enumSpec in enums)
            {
                writer.SeparateFromPrevious(ref first);
                WriteEnum(writer, enumSpec);
            }
        }

        return writer.ToString();
    }

    /// <summary>
    /// Types the client's methods use, including the arguments records of generated methods, and the types of the tools
    /// that rejected declarations name (which may use them).
    /// </summary>
    private static System.Collections.Generic.List<TypeRef> UsedTypes(ClientSpec client, SnapshotSpec snapshot) =>
        TypeGraph.Reachable(
            client.Methods.SelectMany(m => m.Parameters.Select(p => p.Property.Type))
                .Concat(client.Methods.Where(m => m.Return == ToolReturn.Typed).Select(m => m.Tool.Result!))
                .Concat(client.Methods.Where(m => !m.IsDeclared && m.Tool.ArgumentsRecord is not null).Select(m => TypeRef.Record(m.Tool.ArgumentsRecord!)))
                .Concat(client.Unbound.Select(u => u.Tool).OfType<ToolSpec>().SelectMany(t => t.Parameters.Select(p => p.Type).Concat(t.Result is { } result ? [result] : []))),
            snapshot);

    private static void WriteRecord(SourceWriter writer, RecordSpec record)
    {
        XmlDoc.Write(writer, "summary", XmlDoc.FirstOf($"The {record.Name} object of the tool schema.", record.Description));
        writer.Line($"[{TypeSyntax.GeneratedCode}]");
        NonUserCode.Write(writer);
        using (writer.Block($"public sealed record {record.Name}"))
        {
            var first = true;
            foreach (var property in record.Properties)
            {
                writer.SeparateFromPrevious(ref first);
                XmlDoc.Write(writer, "summary", MethodSignature.PropertyDoc(property, "property"));
                writer.Line($"/// <remarks>JSON name: {XmlDoc.Code(property.WireName)}{(property.IsRequired ? " (required)" : "")}.</remarks>");
                writer.Line(!property.IsOptionalInCSharp
                    ? $"public required {TypeSyntax.Of(property, "")} {property.Identifier} {{ get; init; }}"
                    : $"public {TypeSyntax.Of(property, "")} {property.Identifier} {{ get; init; }}");
            }
        }
    }

    private static void WriteEnum(SourceWriter writer, EnumSpec enumSpec)
    {
        XmlDoc.Write(writer, "summary", XmlDoc.FirstOf($"The values of {enumSpec.Name}.", enumSpec.Description));
        writer.Line($"[{TypeSyntax.GeneratedCode}]");
        using (writer.Block($"public enum {enumSpec.Name}"))
        {
            foreach (var member in enumSpec.Members)
            {
                writer.Line($"/// <summary>The wire value {XmlDoc.Code(member.WireValue)}.</summary>");
                writer.Line(member.Identifier + ",");
            }
        }
    }
}
