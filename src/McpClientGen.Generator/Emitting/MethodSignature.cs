using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>The shared shape of a tool method on the interface and on the class, and its XML docs.</summary>
internal static class MethodSignature
{
    /// <summary>The flat signature: the parameters in order, then the cancellation token.</summary>
    public static string Declaration(ToolMethodSpec method, string typePrefix)
    {
        var parameters = method.Parameters.Select(p => $"{TypeSyntax.Of(p, typePrefix)} {p.Name}{DefaultOf(p, typePrefix)}");
        if (TakesArgumentsObject(method))
        {
            parameters = parameters.Prepend($"{TypeSyntax.JsonElement} arguments");
        }
        if (method.CancellationTokenName is { } token)
        {
            // Always optional: it is last, so this is valid even where a declared method made it required.
            parameters = parameters.Append($"{TypeSyntax.CancellationToken} {token} = default");
        }

        return $"{TypeSyntax.TaskOf(method, typePrefix)} {method.Name}({string.Join(", ", parameters)})";
    }

    /// <summary>Whether a generated method takes the arguments as one JSON object, because the schema has no fixed properties.</summary>
    public static bool TakesArgumentsObject(ToolMethodSpec method) => method.Tool.TakesArgumentsObject && !method.IsDeclared;

    /// <summary>The overload that takes the arguments record.</summary>
    public static string ArgumentsOverload(ToolMethodSpec method, string typePrefix) =>
        $"{TypeSyntax.TaskOf(method, typePrefix)} {method.Name}({typePrefix}{method.Tool.ArgumentsRecord} arguments, {TypeSyntax.CancellationToken} cancellationToken = default)";

    /// <summary>The XML docs of a tool method: title and description, the tool's hints, each parameter.</summary>
    public static void WriteDocs(SourceWriter writer, ToolMethodSpec method, bool argumentsOverload)
    {
        var tool = method.Tool;
        XmlDoc.Write(writer, "summary", XmlDoc.FirstOf($"Calls the MCP tool '{tool.WireName}'.", tool.Title, tool.Description));
        var remarks = new List<string>();
        if (tool.Title is not null && tool.Description is not null)
        {
            remarks.Add(tool.Description);
        }

        remarks.Add($"Calls the MCP tool '{tool.WireName}'.{Hints(tool.Annotations)}");
        XmlDoc.Write(writer, "remarks", string.Join("\n\n", remarks));
        if (argumentsOverload)
        {
            writer.Line("/// <param name=\"arguments\">The tool's arguments.</param>");
        }
        else if (TakesArgumentsObject(method))
        {
            writer.Line("/// <param name=\"arguments\">The arguments as one JSON object; the schema does not describe them as fixed properties.</param>");
        }
        else
        {
            foreach (var parameter in method.Parameters)
            {
                XmlDoc.Write(writer, "param", PropertyDoc(parameter.Property, "argument"), $" name=\"{parameter.Name.TrimStart('@')}\"");
            }
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        writer.Line(method.Return == ToolReturn.Typed
            ? "/// <returns>The tool's structured result.</returns>"
            : "/// <returns>The tool's result as the server sent it.</returns>");
        writer.Line("/// <exception cref=\"global::McpClientGen.McpToolException\">The tool reported an error (<c>isError</c>).</exception>");
    }

    /// <summary>The description of a property, with the schema's default or const when it gives one, and who applies it.</summary>
    public static string PropertyDoc(PropertySpec property, string noun)
    {
        var text = XmlDoc.FirstOf($"The '{property.WireName}' {noun}.", property.Description);
        return property.DefaultJson is not { } defaultJson ? text
            : property.IsConstant ? $"{text}\nThe schema allows only {defaultJson}{(property.SendsDefaultWhenNull ? ", which is sent when this is null" : "")}."
            : property.SendsDefaultWhenNull ? $"{text}\nWhen null, the schema's default {defaultJson} is sent."
            : $"{text}\nWhen not sent, the server uses {defaultJson}.";
    }

    private static string DefaultOf(ParameterBinding parameter, string typePrefix)
    {
        if (parameter.DefaultValue is not { } value)
        {
            return "";
        }

        // A declared default such as Unit.Kelvin names a type nested in the interface; the class needs it qualified.
        var type = parameter.Property.Type;
        return type.Kind == TypeKind.Enum && typePrefix.Length > 0 && value.StartsWith(type.Name + ".", System.StringComparison.Ordinal)
            ? " = " + typePrefix + value
            : " = " + value;
    }

    private static string Hints(ToolAnnotationsSpec annotations)
    {
        var hints = new List<string>();
        AddHint(hints, annotations.ReadOnly, "read-only", "not read-only");
        AddHint(hints, annotations.Destructive, "destructive", "not destructive");
        AddHint(hints, annotations.Idempotent, "idempotent", "not idempotent");
        AddHint(hints, annotations.OpenWorld, "open-world", "closed-world");
        return hints.Count == 0 ? "" : " Server hints: " + string.Join(", ", hints) + ".";
    }

    private static void AddHint(List<string> hints, bool? value, string whenTrue, string whenFalse)
    {
        if (value is { } flag)
        {
            hints.Add(flag ? whenTrue : whenFalse);
        }
    }
}
