using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>
/// Emits a file-local class with the reflection-free JSON code a client needs: enum wire values, writers for
/// records sent as arguments, readers for records received as results. Only what the tools use is emitted.
/// </summary>
internal static class SerializerEmitter
{
    public static void Write(SourceWriter writer, SnapshotSpec snapshot, string className, string typePrefix)
    {
        var records = snapshot.Records.ToDictionary(r => r.Name);
        var written = Reachable(snapshot.Tools.SelectMany(t => t.Parameters).Select(p => p.Type), records);
        var read = Reachable(snapshot.Tools.Where(t => t.Result is not null).Select(t => t.Result!), records);
        var enums = new HashSet<string>(written.Concat(read).Where(t => t.Kind == TypeKind.Enum).Select(t => t.Name!), System.StringComparer.Ordinal);

        writer.Line($"[{TypeSyntax.GeneratedCode}]");
        using (writer.Block($"file static class {className}"))
        {
            var first = true;
            foreach (var enumSpec in snapshot.Enums.Where(e => enums.Contains(e.Name)))
            {
                writer.SeparateFromPrevious(ref first);
                WriteEnumConversions(writer, enumSpec, typePrefix);
            }

            foreach (var record in snapshot.Records.Where(r => written.Contains(new TypeRef(TypeKind.Record, r.Name))))
            {
                writer.SeparateFromPrevious(ref first);
                WriteRecordWriter(writer, record, typePrefix);
            }

            foreach (var record in snapshot.Records.Where(r => read.Contains(new TypeRef(TypeKind.Record, r.Name))))
            {
                writer.SeparateFromPrevious(ref first);
                WriteRecordReader(writer, record, typePrefix);
            }
        }
    }

    private static void WriteEnumConversions(SourceWriter writer, EnumSpec enumSpec, string typePrefix)
    {
        var type = typePrefix + enumSpec.Name;
        using (writer.Block($"public static string? ToWire({type}? value) => value switch", "};"))
        {
            writer.Line("null => null,");
            foreach (var member in enumSpec.Members)
            {
                writer.Line($"{type}.{member.Identifier} => {Literal.Of(member.WireValue)},");
            }

            writer.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, null),");
        }

        writer.Line();
        using (writer.Block($"public static {type} Read{enumSpec.Name}(string value, string property, string toolName) => value switch", "};"))
        {
            foreach (var member in enumSpec.Members)
            {
                writer.Line($"{Literal.Of(member.WireValue)} => {type}.{member.Identifier},");
            }

            writer.Line($"_ => throw {TypeSyntax.ToolResultReader}.UnknownEnumValue(property, value, toolName),");
        }
    }

    private static void WriteRecordWriter(SourceWriter writer, RecordSpec record, string typePrefix)
    {
        using (writer.Block($"public static void Write{record.Name}({TypeSyntax.Utf8JsonWriter} writer, {typePrefix}{record.Name} value)"))
        {
            writer.Line("writer.WriteStartObject();");
            foreach (var property in record.Properties)
            {
                var access = "value." + property.Identifier;
                if (property.IsRequired)
                {
                    writer.Line(WriteCall(property, access));
                }
                else
                {
                    using (writer.Block($"if ({access} is {{ }} {Local(property)})"))
                    {
                        writer.Line(WriteCall(property, Local(property)));
                    }
                }
            }

            writer.Line("writer.WriteEndObject();");
        }
    }

    private static string WriteCall(PropertySpec property, string value)
    {
        var name = Literal.Of(property.WireName);
        return property.Type.Kind switch
        {
            TypeKind.String => $"writer.WriteString({name}, {value});",
            TypeKind.Int64 or TypeKind.Int32 or TypeKind.Double => $"writer.WriteNumber({name}, {value});",
            TypeKind.Boolean => $"writer.WriteBoolean({name}, {value});",
            TypeKind.Enum => $"writer.WriteString({name}, ToWire({value}));",
            TypeKind.Record => $"writer.WritePropertyName({name}); Write{property.Type.Name}(writer, {value});",
            _ => $"writer.WritePropertyName({name}); {value}.WriteTo(writer);",
        };
    }

    private static void WriteRecordReader(SourceWriter writer, RecordSpec record, string typePrefix)
    {
        var type = typePrefix + record.Name;
        using (writer.Block($"public static {type} Read{record.Name}({TypeSyntax.JsonElement} element, string toolName) => new()", "};"))
        {
            foreach (var property in record.Properties)
            {
                writer.Line($"{property.Identifier} = {ReadExpression(property)},");
            }
        }
    }

    private static string ReadExpression(PropertySpec property)
    {
        var mode = property.IsRequired ? "Required" : "Optional";
        var name = Literal.Of(property.WireName);
        var arguments = $"(element, {name}, toolName)";
        return property.Type.Kind switch
        {
            TypeKind.String => $"{TypeSyntax.ToolResultReader}.{mode}String{arguments}",
            TypeKind.Int64 => $"{TypeSyntax.ToolResultReader}.{mode}Int64{arguments}",
            TypeKind.Int32 => $"{TypeSyntax.ToolResultReader}.{mode}Int32{arguments}",
            TypeKind.Double => $"{TypeSyntax.ToolResultReader}.{mode}Double{arguments}",
            TypeKind.Boolean => $"{TypeSyntax.ToolResultReader}.{mode}Boolean{arguments}",
            TypeKind.Json => $"{TypeSyntax.ToolResultReader}.{mode}Json{arguments}",
            TypeKind.Enum when property.IsRequired =>
                $"Read{property.Type.Name}({TypeSyntax.ToolResultReader}.RequiredString{arguments}, {name}, toolName)",
            TypeKind.Enum =>
                $"{TypeSyntax.ToolResultReader}.OptionalString{arguments} is {{ }} {Local(property)} ? Read{property.Type.Name}({Local(property)}, {name}, toolName) : null",
            _ when property.IsRequired =>
                $"Read{property.Type.Name}({TypeSyntax.ToolResultReader}.RequiredObject{arguments}, toolName)",
            _ =>
                $"{TypeSyntax.ToolResultReader}.OptionalObject{arguments} is {{ }} {Local(property)} ? Read{property.Type.Name}({Local(property)}, toolName) : null",
        };
    }

    /// <summary>A local name that cannot clash with <c>value</c>, <c>writer</c> or <c>element</c>.</summary>
    private static string Local(PropertySpec property) => "__" + property.Identifier;

    /// <summary>The types used from <paramref name="roots"/>, following record members.</summary>
    private static HashSet<TypeRef> Reachable(IEnumerable<TypeRef> roots, Dictionary<string, RecordSpec> records)
    {
        var seen = new HashSet<TypeRef>();
        var pending = new Stack<TypeRef>(roots);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type) || type.Kind != TypeKind.Record || !records.TryGetValue(type.Name!, out var record))
            {
                continue;
            }

            foreach (var property in record.Properties)
            {
                pending.Push(property.Type);
            }
        }

        return seen;
    }
}
