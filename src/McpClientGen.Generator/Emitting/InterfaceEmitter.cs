using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>
/// Emits the interface half of a client: one method per tool, and the records and enums of the snapshot as
/// nested types, so two interfaces can use the same snapshot without clashing.
/// </summary>
internal static class InterfaceEmitter
{
    public static string Emit(ClientSpec client, SnapshotSpec snapshot)
    {
        var declaration = client.Interface;
        var writer = new SourceWriter();
        FileHeader.Write(writer, snapshot);
        if (declaration.Namespace.Length > 0)
        {
            writer.Line($"namespace {declaration.Namespace};").Line();
        }

        using (writer.Block($"partial interface {declaration.Name}"))
        {
            var first = true;
            foreach (var tool in snapshot.Tools)
            {
                writer.SeparateFromPrevious(ref first);
                MethodSignature.WriteDocs(writer, tool);
                writer.Line(MethodSignature.Declaration(tool, "") + ";");
            }

            foreach (var record in snapshot.Records)
            {
                writer.SeparateFromPrevious(ref first);
                WriteRecord(writer, record);
            }

            foreach (var enumSpec in snapshot.Enums)
            {
                writer.SeparateFromPrevious(ref first);
                WriteEnum(writer, enumSpec);
            }
        }

        return writer.ToString();
    }

    private static void WriteRecord(SourceWriter writer, RecordSpec record)
    {
        XmlDoc.Write(writer, "summary", XmlDoc.FirstOf($"The {record.Name} object of the tool schema.", record.Description));
        writer.Line($"[{TypeSyntax.GeneratedCode}]");
        using (writer.Block($"public sealed record {record.Name}"))
        {
            var first = true;
            foreach (var property in record.Properties)
            {
                writer.SeparateFromPrevious(ref first);
                XmlDoc.Write(writer, "summary", XmlDoc.FirstOf($"The '{property.WireName}' property.", property.Description));
                writer.Line($"/// <remarks>JSON name: {XmlDoc.Code(property.WireName)}.</remarks>");
                writer.Line(property.IsRequired
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
