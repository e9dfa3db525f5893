using System;
using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>
/// Emits the reflection-free JSON code a client needs, as a file-local static class: enum wire values, writers for
/// the records, lists and maps sent as arguments, readers for those received as results. Only what the client's
/// methods use is emitted, so trimming and Native AOT see plain code and no serializer metadata.
/// </summary>
internal static class SerializerEmitter
{
    /// <summary>Whether the client needs a serializer class at all.</summary>
    public static bool IsNeeded(ClientSpec client, SnapshotSpec snapshot) =>
        Written(client, snapshot).Concat(Read(client, snapshot)).Any(type => type.IsComposite);

    public static void Write(SourceWriter writer, ClientSpec client, SnapshotSpec snapshot, string className, string typePrefix)
    {
        var written = Written(client, snapshot).Where(type => type.IsComposite).ToList();
        var read = Read(client, snapshot).Where(type => type.IsComposite).ToList();
        var records = snapshot.Records.ToDictionary(r => r.Name);
        // Looked up once per enum of the snapshot: sets, so a large snapshot does not compare every enum with every type.
        var writtenSet = new HashSet<TypeRef>(written);
        var readSet = new HashSet<TypeRef>(read);

        writer.Line($"/// <summary>Reads and writes the JSON of <see cref=\"{client.Interface.ClassName}\"/> without reflection.</summary>");
        writer.Line($"[{TypeSyntax.GeneratedCode}]");
        NonUserCode.Write(writer);
        using (writer.Block($"file static class {className}"))
        {
            var first = true;
            foreach (var enumSpec in snapshot.Enums)
            {
                var type = TypeRef.Enum(enumSpec.Name);
                if (writtenSet.Contains(type))
                {
                    writer.SeparateFromPrevious(ref first);
                    WriteToWire(writer, enumSpec, typePrefix);
                }

                if (readSet.Contains(type))
                {
                    writer.SeparateFromPrevious(ref first);
                    WriteEnumReader(writer, enumSpec, typePrefix);
                }
            }

            foreach (var type in Ordered(written.Where(t => t.Kind != TypeKind.Enum)))
            {
                writer.SeparateFromPrevious(ref first);
                WriteWriter(writer, type, records, typePrefix);
            }

            foreach (var type in Ordered(read.Where(t => t.Kind != TypeKind.Enum)))
            {
                writer.SeparateFromPrevious(ref first);
                WriteReader(writer, type, records, typePrefix);
            }
        }
    }

    private static List<TypeRef> Written(ClientSpec client, SnapshotSpec snapshot) =>
        TypeGraph.Reachable(client.Methods.SelectMany(m => m.Parameters).Select(p => p.Property.Type), snapshot);

    private static List<TypeRef> Read(ClientSpec client, SnapshotSpec snapshot) =>
        TypeGraph.Reachable(client.Methods.Where(m => m.Return == ToolReturn.Typed).Select(m => m.Tool.Result!), snapshot);

    private static IEnumerable<TypeRef> Ordered(IEnumerable<TypeRef> types) =>
        types.OrderBy(JsonShape.Name, StringComparer.Ordinal);

    private static void WriteToWire(SourceWriter writer, EnumSpec enumSpec, string typePrefix)
    {
        var type = typePrefix + enumSpec.Name;
        using (writer.Block($"public static string ToWire({type} value) => value switch", "};"))
        {
            foreach (var member in enumSpec.Members)
            {
                writer.Line($"{type}.{member.Identifier} => {Literal.Of(member.WireValue)},");
            }

            writer.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, null),");
        }
    }

    private static void WriteEnumReader(SourceWriter writer, EnumSpec enumSpec, string typePrefix)
    {
        var type = typePrefix + enumSpec.Name;
        using (writer.Block(
            $"public static {type} Read{enumSpec.Name}({TypeSyntax.JsonElement} element, string property, string toolName) => {TypeSyntax.ToolResultReader}.ReadString(element, property, toolName) switch",
            "};"))
        {
            foreach (var member in enumSpec.Members)
            {
                writer.Line($"{Literal.Of(member.WireValue)} => {type}.{member.Identifier},");
            }

            writer.Line($"var other => throw {TypeSyntax.ToolResultReader}.UnknownEnumValue(property, other, toolName),");
        }
    }

    private static void WriteWriter(SourceWriter writer, TypeRef type, Dictionary<string, RecordSpec> records, string typePrefix)
    {
        using (writer.Block($"public static void Write{JsonShape.Name(type)}({TypeSyntax.Utf8JsonWriter} writer, {TypeSyntax.Of(type, typePrefix)} value)"))
        {
            switch (type.Kind)
            {
                case TypeKind.Record:
                    writer.Line("writer.WriteStartObject();");
                    foreach (var property in records[type.Name!].Properties)
                    {
                        JsonWriteEmitter.Property(writer, property, "value." + property.Identifier, property.IsNullableInCSharp, "writer", "");
                    }

                    writer.Line("writer.WriteEndObject();");
                    break;
                case TypeKind.List:
                    writer.Line("writer.WriteStartArray();");
                    using (writer.Block("foreach (var item in value)"))
                    {
                        JsonWriteEmitter.Value(writer, type.Element!, "item", "writer", "");
                    }

                    writer.Line("writer.WriteEndArray();");
                    break;
                default:
                    writer.Line("writer.WriteStartObject();");
                    using (writer.Block("foreach (var entry in value)"))
                    {
                        writer.Line("writer.WritePropertyName(entry.Key);");
                        JsonWriteEmitter.Value(writer, type.Element!, "entry.Value", "writer", "");
                    }

                    writer.Line("writer.WriteEndObject();");
                    break;
            }
        }
    }

    private static void WriteReader(SourceWriter writer, TypeRef type, Dictionary<string, RecordSpec> records, string typePrefix)
    {
        var typeName = TypeSyntax.Of(type, typePrefix);
        using (writer.Block($"public static {typeName} Read{JsonShape.Name(type)}({TypeSyntax.JsonElement} element, string property, string toolName)"))
        {
            switch (type.Kind)
            {
                case TypeKind.Record:
                    writer.Line($"{TypeSyntax.ToolResultReader}.EnsureObject(element, property, toolName);");
                    using (writer.Block("return new()", "};"))
                    {
                        foreach (var property in records[type.Name!].Properties)
                        {
                            writer.Line($"{property.Identifier} = {JsonReadEmitter.Property(property)},");
                        }
                    }

                    break;
                case TypeKind.List:
                    var element = TypeSyntax.Of(type.Element!, typePrefix);
                    writer.Line($"var items = new global::System.Collections.Generic.List<{element}>({TypeSyntax.ToolResultReader}.ArrayLength(element, property, toolName));");
                    using (writer.Block("foreach (var item in element.EnumerateArray())"))
                    {
                        writer.Line($"items.Add({JsonReadEmitter.Item(type.Element!, "item", "property")});");
                    }

                    writer.Line("return items;");
                    break;
                default:
                    var value = TypeSyntax.Of(type.Element!, typePrefix);
                    writer.Line($"{TypeSyntax.ToolResultReader}.EnsureObject(element, property, toolName);");
                    writer.Line($"var entries = new global::System.Collections.Generic.Dictionary<string, {value}>(global::System.StringComparer.Ordinal);");
                    using (writer.Block("foreach (var entry in element.EnumerateObject())"))
                    {
                        writer.Line("var item = entry.Value;");
                        writer.Line($"entries[entry.Name] = {JsonReadEmitter.Item(type.Element!, "item", "property")};");
                    }

                    writer.Line("return entries;");
                    break;
            }
        }
    }
}
