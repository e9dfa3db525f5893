using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing.Json;

namespace McpClientGen.Generator.Emitting;

/// <summary>
/// Emits <c>Utf8JsonWriter</c> statements for properties and values. Tool arguments and record writers share
/// these rules: a nullable optional value is left out when null; a nullable required value is written as
/// <c>null</c>; helpers for records, lists and maps are called by their <see cref="JsonShape"/> name.
/// </summary>
internal static class JsonWriteEmitter
{
    /// <summary>Writes one property.</summary>
    /// <param name="writer">Where the statements go.</param>
    /// <param name="property">The property.</param>
    /// <param name="value">The C# expression holding the value.</param>
    /// <param name="isNullable">Whether that expression's C# type is nullable.</param>
    /// <param name="jsonWriter">The <c>Utf8JsonWriter</c> variable.</param>
    /// <param name="helperPrefix">Qualifies helper calls (empty inside the serializer class).</param>
    public static void Property(SourceWriter writer, PropertySpec property, string value, bool isNullable, string jsonWriter, string helperPrefix)
    {
        var type = property.Type.WithNullable(false);
        var name = Literal.Of(property.WireName);
        if (!isNullable)
        {
            Named(writer, type, name, value, jsonWriter, helperPrefix);
            return;
        }

        var present = "__" + property.Identifier;
        using (writer.Block($"if ({value} is {{ }} {present})"))
        {
            Named(writer, type, name, present, jsonWriter, helperPrefix);
        }

        // A required property with a default sends the default; one that may be null is sent as null; an optional
        // one is simply left out.
        if (property.IsRequired)
        {
            using (writer.Block("else"))
            {
                if (property.SendsDefaultWhenNull)
                {
                    Default(writer, property, jsonWriter);
                }
                else
                {
                    writer.Line($"{jsonWriter}.WriteNull({name});");
                }
            }
        }
    }

    /// <summary>
    /// Writes the schema's <c>default</c> of a property as the schema spells it, so every kind of value (a string,
    /// an enum's wire value, a number, an object) reaches the server exactly.
    /// </summary>
    public static void Default(SourceWriter writer, PropertySpec property, string jsonWriter)
    {
        writer.Line($"{jsonWriter}.WritePropertyName({Literal.Of(property.WireName)});");
        writer.Line($"{jsonWriter}.WriteRawValue({Literal.Of(JsonText.Minify(property.DefaultJson!))});");
    }

    /// <summary>Writes a value without a name (an array item or a map entry's value), <c>null</c> when the type allows it.</summary>
    public static void Value(SourceWriter writer, TypeRef type, string value, string jsonWriter, string helperPrefix)
    {
        if (!type.IsNullable)
        {
            Unnamed(writer, type, value, jsonWriter, helperPrefix);
            return;
        }

        using (writer.Block($"if ({value} is {{ }} present)"))
        {
            Unnamed(writer, type.WithNullable(false), "present", jsonWriter, helperPrefix);
        }

        using (writer.Block("else"))
        {
            writer.Line($"{jsonWriter}.WriteNullValue();");
        }
    }

    private static void Named(SourceWriter writer, TypeRef type, string name, string value, string jsonWriter, string helperPrefix)
    {
        if (JsonShape.Scalar(type, value, helperPrefix) is { } scalar)
        {
            writer.Line($"{jsonWriter}.Write{scalar.Method}({name}, {scalar.Value});");
            return;
        }

        writer.Line($"{jsonWriter}.WritePropertyName({name});");
        Unnamed(writer, type, value, jsonWriter, helperPrefix);
    }

    private static void Unnamed(SourceWriter writer, TypeRef type, string value, string jsonWriter, string helperPrefix)
    {
        if (JsonShape.Scalar(type, value, helperPrefix) is { } scalar)
        {
            writer.Line($"{jsonWriter}.Write{scalar.Method}Value({scalar.Value});");
        }
        else if (type.Kind == TypeKind.Json)
        {
            writer.Line($"{value}.WriteTo({jsonWriter});");
        }
        else
        {
            writer.Line($"{helperPrefix}Write{JsonShape.Name(type)}({jsonWriter}, {value});");
        }
    }
}
