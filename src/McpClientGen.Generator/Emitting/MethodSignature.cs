using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>The shared shape of a tool method on the interface and on the class, and its XML docs.</summary>
internal static class MethodSignature
{
    /// <summary>The flat signature: the parameters in order, then the progress receiver and the cancellation token.</summary>
    public static string Declaration(ToolMethodSpec method, string typePrefix)
    {
        var parameters = FlatParameters(method, typePrefix, withDefaults: true);
        if (method.ProgressName is { } progress)
        {
            parameters = parameters.Append($"{TypeSyntax.Progress}? {progress} = null");
        }

        if (method.CancellationTokenName is { } token)
        {
            // Always optional: it is last, so this is valid even where a declared method made it required.
            parameters = parameters.Append($"{TypeSyntax.CancellationToken} {token} = default");
        }

        return $"{TypeSyntax.TaskOf(method, typePrefix)} {method.Name}({string.Join(", ", parameters)})";
    }

    /// <summary>
    /// The signature from before progress was added, with every parameter required: a call that passes the token
    /// right after the tool's arguments binds to it and still compiles, and a call that leaves any argument out
    /// binds to <see cref="Declaration"/>, so the two are never ambiguous.
    /// </summary>
    public static string TokenOnlyOverload(ToolMethodSpec method, string typePrefix) =>
        $"{TypeSyntax.TaskOf(method, typePrefix)} {method.Name}({string.Join(", ", FlatParameters(method, typePrefix, withDefaults: false).Append($"{TypeSyntax.CancellationToken} {method.CancellationTokenName}"))})";

    /// <summary>The arguments <see cref="TokenOnlyOverload"/> passes on: its own, then no progress receiver.</summary>
    public static string TokenOnlyForwarding(ToolMethodSpec method) =>
        string.Join(", ", ArgumentNames(method).Append("null").Append(method.CancellationTokenName!));

    /// <summary>Whether a generated method takes the arguments as one JSON object, because the schema has no fixed properties.</summary>
    public static bool TakesArgumentsObject(ToolMethodSpec method) => method.Tool.TakesArgumentsObject && !method.IsDeclared;

    /// <summary>The overload that takes the arguments record.</summary>
    public static string ArgumentsOverload(ToolMethodSpec method, string typePrefix) =>
        $"{TypeSyntax.TaskOf(method, typePrefix)} {method.Name}({typePrefix}{method.Tool.ArgumentsRecord} arguments, {TypeSyntax.Progress}? {method.ProgressName} = null, {TypeSyntax.CancellationToken} cancellationToken = default)";

    /// <summary>The record overload's counterpart of <see cref="TokenOnlyOverload"/>.</summary>
    public static string ArgumentsTokenOnlyOverload(ToolMethodSpec method, string typePrefix) =>
        $"{TypeSyntax.TaskOf(method, typePrefix)} {method.Name}({typePrefix}{method.Tool.ArgumentsRecord} arguments, {TypeSyntax.CancellationToken} cancellationToken)";

    /// <summary>The XML docs of an overload kept only so that older calls compile; editors hide it.</summary>
    public static void WriteTokenOnlyDocs(SourceWriter writer, ToolMethodSpec method)
    {
        XmlDoc.Write(writer, "summary", $"Calls the MCP tool '{method.Tool.WireName}' without progress reports. It keeps calls that pass the cancellation token right after the arguments compiling; new code calls the overload that takes a progress receiver.");
        WriteHidden(writer);
    }

    /// <summary>
    /// Hides an overload kept for older calls from completion lists, on the interface and on the class alike: code
    /// that uses the concrete client must not be offered it either.
    /// </summary>
    public static void WriteHidden(SourceWriter writer) =>
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");

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

        if (method.ProgressName is { } progress)
        {
            writer.Line($"/// <param name=\"{progress}\">Receives the tool's progress reports (<c>notifications/progress</c>) as they arrive; with <see langword=\"null\"/> the server is asked for none.</param>");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the call: the server is sent <c>notifications/cancelled</c> and the call throws <see cref=\"global::System.OperationCanceledException\"/>.</param>");
        writer.Line(method.Return == ToolReturn.Typed
            ? "/// <returns>The tool's structured result.</returns>"
            : "/// <returns>The tool's result as the server sent it.</returns>");
        writer.Line("/// <exception cref=\"global::McpClientGen.McpToolException\">The tool reported an error (<c>isError</c>).</exception>");
        writer.Line("/// <exception cref=\"global::McpClientGen.McpInputRequiredException\">The server asked for input mid-call (an elicitation, sampling, the roots) that no handler on the connection answers.</exception>");
    }

    /// <summary>The description of a property, with the schema's default or const when it gives one, and who applies it.</summary>
    public static string PropertyDoc(PropertySpec property, string noun)
    {
        var text = XmlDoc.FirstOf($"The '{property.WireName}' {noun}.", property.Description);
        return property.DefaultJson is not { } defaultJson ? text
            : property.IsConstant ? $"{text}\nThe schema allows only {defaultJson}."
            : property.SendsDefaultWhenNull ? $"{text}\nWhen null, the schema's default {defaultJson} is sent."
            : $"{text}\nWhen not sent, the server uses {defaultJson}.";
    }

    private static IEnumerable<string> FlatParameters(ToolMethodSpec method, string typePrefix, bool withDefaults)
    {
        var parameters = method.Parameters.Select(p => $"{TypeSyntax.Of(p, typePrefix)} {p.Name}{(withDefaults ? DefaultOf(p, typePrefix) : "")}");
        return TakesArgumentsObject(method) ? parameters.Prepend($"{TypeSyntax.JsonElement} arguments") : parameters;
    }

    private static IEnumerable<string> ArgumentNames(ToolMethodSpec method)
    {
        var names = method.Parameters.Select(p => p.Name);
        return TakesArgumentsObject(method) ? names.Prepend("arguments") : names;
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
