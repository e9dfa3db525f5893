using System.Collections.Generic;
using System.Linq;

namespace McpClientGen.Generator.Emitting;

/// <summary>
/// What the methods of prompts and resources share: a signature ending in the cancellation token, and a body that
/// checks the required parameters and returns one call to the proxy, its arguments given by wire name.
/// </summary>
internal static class EntryMethods
{
    public static string Signature(string result, string methodName, IEnumerable<string> parameters) =>
        $"{TypeSyntax.Task}<{result}> {methodName}({string.Join(", ", parameters.Concat([$"{TypeSyntax.CancellationToken} cancellationToken = default"]))})";

    public static void WriteImplementation(SourceWriter writer, string signature, IEnumerable<string> requiredParameters, string call)
    {
        writer.Line("/// <inheritdoc />");
        NonUserCode.Write(writer);
        using (writer.Block("public " + signature))
        {
            foreach (var parameter in requiredParameters)
            {
                writer.Line($"{TypeSyntax.ArgumentNullException}.ThrowIfNull({parameter});");
            }

            writer.Line($"return {call};");
        }
    }

    /// <summary>The arguments as a collection of key-value pairs: <c>[new("wire", parameter), …]</c>.</summary>
    public static string ByWireName(IEnumerable<(string WireName, string ParameterName)> arguments) =>
        "[" + string.Join(", ", arguments.Select(argument => $"new({Literal.Of(argument.WireName)}, {argument.ParameterName})")) + "]";
}
