using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Common;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing.Json;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// Reads the optional <c>prompts</c> array of a snapshot (a <c>prompts/list</c> result): one method per prompt, its
/// arguments as <c>string</c> parameters. A malformed entry is skipped with a warning where it is written; it never
/// stops the snapshot's tools from being generated.
/// </summary>
internal static class PromptReader
{
    /// <summary>The C# name every prompt method starts from, before collisions are resolved: <c>code_review</c> → <c>GetCodeReviewPrompt</c>.</summary>
    public static string MethodBaseOf(string wireName) => Naming.KindMethodBase("Get", wireName, "Prompt");

    /// <summary>The prompt entries of <paramref name="root"/> in name order, or none when it has no <c>prompts</c> array.</summary>
    public static List<JsonNode> EntriesOf(SnapshotContext context, JsonNode root) =>
        OptionalEntries.Of(context, root, "prompts", "name", DiagnosticDescriptors.InvalidPromptSkipped, "prompts");

    /// <summary>Reads the entries; <paramref name="methodNames"/> holds the method names the tools took.</summary>
    public static EquatableArray<PromptSpec> Read(SnapshotContext context, List<JsonNode> entries, NameSet methodNames)
    {
        var prompts = new List<PromptSpec>();
        var wireNames = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (Read(context, entry, wireNames, methodNames) is { } prompt)
            {
                prompts.Add(prompt);
            }
        }

        return prompts.ToEquatableArray();
    }

    private static PromptSpec? Read(SnapshotContext context, JsonNode entry, HashSet<string> wireNames, NameSet methodNames)
    {
        if (entry.Kind != JsonKind.Object)
        {
            return Skip(context, entry, "each prompt must be a JSON object");
        }

        var nameNode = entry["name"];
        if (nameNode is not { Kind: JsonKind.String, Text.Length: > 0 })
        {
            return Skip(context, nameNode ?? entry, "a prompt has no 'name' string");
        }

        var wireName = nameNode.Text!;
        if (!wireNames.Add(wireName))
        {
            return Skip(context, nameNode, $"the prompt name '{wireName}' appears more than once");
        }

        if (ReadArguments(context, wireName, entry["arguments"]) is not { } arguments)
        {
            return null;
        }

        var methodBase = context.ReserveName(methodNames, MethodBaseOf(wireName), wireName, "prompt", nameNode);
        return new PromptSpec(wireName, methodBase + "Async", entry.StringOf("title"), entry.StringOf("description"), arguments);
    }

    /// <summary>The arguments, required first; <see langword="null"/> when one is malformed, which skips the prompt.</summary>
    private static EquatableArray<PromptArgumentSpec>? ReadArguments(SnapshotContext context, string promptName, JsonNode? arguments)
    {
        if (arguments is null)
        {
            return EquatableArray<PromptArgumentSpec>.Empty;
        }

        if (arguments.Kind != JsonKind.Array)
        {
            Skip(context, arguments, $"the 'arguments' of prompt '{promptName}' must be an array");
            return null;
        }

        // The method's own cancellation token takes its parameter name first.
        var identifiers = new HashSet<string>(System.StringComparer.Ordinal) { "CancellationToken" };
        var wireNames = new HashSet<string>(System.StringComparer.Ordinal);
        var read = new List<PromptArgumentSpec>();
        foreach (var argument in arguments.Items)
        {
            var nameNode = argument.Kind == JsonKind.Object ? argument["name"] : null;
            if (nameNode is not { Kind: JsonKind.String, Text.Length: > 0 })
            {
                Skip(context, nameNode ?? argument, $"an argument of prompt '{promptName}' has no 'name' string");
                return null;
            }

            if (!wireNames.Add(nameNode.Text!))
            {
                Skip(context, nameNode, $"the argument '{nameNode.Text}' of prompt '{promptName}' appears more than once");
                return null;
            }

            if (argument["required"] is { Kind: not (JsonKind.True or JsonKind.False) } required)
            {
                Skip(context, required, $"'required' of the argument '{nameNode.Text}' of prompt '{promptName}' must be true or false");
                return null;
            }

            var identifier = context.ReserveName(identifiers, Naming.ToPascalCase(nameNode.Text!, "Argument"), nameNode.Text!, "prompt argument", nameNode);
            read.Add(new PromptArgumentSpec(
                nameNode.Text!,
                Naming.ToCamelCase(identifier),
                argument.StringOf("description") ?? argument.StringOf("title"),
                argument.BooleanOf("required") == true));
        }

        // A stable sort: required arguments first, each group in the server's order.
        return read.Where(a => a.IsRequired).Concat(read.Where(a => !a.IsRequired)).ToEquatableArray();
    }

    private static PromptSpec? Skip(SnapshotContext context, JsonNode where, string problem)
    {
        context.Report(DiagnosticDescriptors.InvalidPromptSkipped, where.Location, context.Name, problem);
        return null;
    }
}
