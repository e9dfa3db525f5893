using System;
using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Parsing.Json;

namespace McpClientGen.Generator.Parsing.Overlays;

/// <summary>
/// What an overlay may say about a property the server describes. It may add what the server left out, reword the
/// documentation, narrow <c>number</c> to <c>integer</c> and an <c>enum</c> to some of its values; it may not
/// contradict the server, whose schema is what the tool really accepts.
/// </summary>
internal static class RefinementRules
{
    /// <summary>
    /// Members that document or suggest, so the overlay's word replaces the server's. A <c>default</c> on a required
    /// property is also sent when its parameter is left null, so there an overlay's <c>default</c> changes what is sent.
    /// </summary>
    private static readonly HashSet<string> Documentation = new(StringComparer.Ordinal) { "description", "title", "default", "examples", "deprecated" };

    /// <summary>Why <paramref name="refinement"/> contradicts <paramref name="original"/>, or <see langword="null"/>.</summary>
    public static string? Conflict(JsonNode? original, JsonProperty refinement) => refinement.Name switch
    {
        _ when Documentation.Contains(refinement.Name) => null,
        "type" => TypeConflict(original, refinement.Value),
        "enum" => EnumConflict(original, refinement.Value),
        _ when original is null || Minified(original) == Minified(refinement.Value) => null,
        _ => $"'{refinement.Name}' is {Minified(original)} in the snapshot; an overlay may add '{refinement.Name}' where the snapshot has none, not change it",
    };

    /// <summary>The same types, except that <c>integer</c> may stand for <c>number</c>: every integer is a number.</summary>
    private static string? TypeConflict(JsonNode? original, JsonNode refined)
    {
        var refinedTypes = TypeNames(refined);
        if (refinedTypes is null)
        {
            return "'type' must be a type name or an array of type names";
        }

        if (original is null || TypeNames(original) is not { } originalTypes)
        {
            return null;
        }

        var widened = refinedTypes.Select(type => type == "integer" && originalTypes.Contains("number") ? "number" : type);
        return new HashSet<string>(widened, StringComparer.Ordinal).SetEquals(originalTypes)
            ? null
            : $"'type' is {Minified(original)} in the snapshot, and {Minified(refined)} is not the same; an overlay may only narrow \"number\" to \"integer\"";
    }

    /// <summary>Some of the server's values: a value the server does not accept would fail every call that sends it.</summary>
    private static string? EnumConflict(JsonNode? original, JsonNode refined)
    {
        if (refined.Kind != JsonKind.Array)
        {
            return "'enum' must be an array";
        }

        if (original is not { Kind: JsonKind.Array })
        {
            return null;
        }

        var allowed = new HashSet<string>(original.Items.Select(Minified), StringComparer.Ordinal);
        var added = refined.Items.Select(Minified).Where(value => !allowed.Contains(value)).ToList();
        return added.Count == 0
            ? null
            : $"'enum' adds {string.Join(", ", added)}, which the snapshot does not allow; an overlay may only leave values out";
    }

    private static HashSet<string>? TypeNames(JsonNode type) => type.Kind switch
    {
        JsonKind.String => new HashSet<string>(StringComparer.Ordinal) { type.Text! },
        JsonKind.Array when type.Items.Count > 0 && type.Items.All(item => item.Kind == JsonKind.String) =>
            new HashSet<string>(type.Items.Select(item => item.Text!), StringComparer.Ordinal),
        _ => null,
    };

    private static string Minified(JsonNode node) => JsonText.Minify(node.JsonText);
}
