using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Common;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing.Json;
using McpClientGen.Resources;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// Reads the optional <c>resources</c> and <c>resourceTemplates</c> arrays of a snapshot (the <c>resources/list</c> and
/// <c>resources/templates/list</c> results): one method per static resource, and one per template with its URI
/// variables as parameters (see <see cref="UriVariableSpec"/>). A malformed entry is skipped with MCPGEN035, a template that needs RFC 6570
/// level 4 with MCPGEN036, each where it is written; neither stops anything else from being generated.
/// </summary>
internal static class ResourceReader
{
    /// <summary>The C# name every resource method starts from, before collisions are resolved: <c>app-config</c> → <c>ReadAppConfigResource</c>.</summary>
    public static string MethodBaseOf(string wireName) => Naming.KindMethodBase("Read", wireName, "Resource");

    /// <summary>The static resources of <paramref name="root"/> in <c>uri</c> order.</summary>
    public static List<JsonNode> ResourcesOf(SnapshotContext context, JsonNode root) =>
        OptionalEntries.Of(context, root, "resources", "uri", DiagnosticDescriptors.InvalidResourceSkipped, "resources");

    /// <summary>The resource templates of <paramref name="root"/> in <c>uriTemplate</c> order.</summary>
    public static List<JsonNode> TemplatesOf(SnapshotContext context, JsonNode root) =>
        OptionalEntries.Of(context, root, "resourceTemplates", "uriTemplate", DiagnosticDescriptors.InvalidResourceSkipped, "resource templates");

    /// <summary>Reads the static resources, then the templates; <paramref name="methodNames"/> holds the names tools and prompts took.</summary>
    public static EquatableArray<ResourceSpec> Read(SnapshotContext context, List<JsonNode> resources, List<JsonNode> templates, NameSet methodNames)
    {
        var read = new List<ResourceSpec>();
        var uris = new HashSet<string>(System.StringComparer.Ordinal);
        var uriTemplates = new HashSet<string>(System.StringComparer.Ordinal);
        read.AddRange(resources.Select(entry => Read(context, entry, EntryKind.Resource, uris, methodNames)).OfType<ResourceSpec>());
        read.AddRange(templates.Select(entry => Read(context, entry, EntryKind.Template, uriTemplates, methodNames)).OfType<ResourceSpec>());
        return read.ToEquatableArray();
    }

    private static ResourceSpec? Read(SnapshotContext context, JsonNode entry, EntryKind kind, HashSet<string> keys, NameSet methodNames)
    {
        if (entry.Kind != JsonKind.Object)
        {
            return Skip(context, entry, $"each {kind.Noun} must be a JSON object");
        }

        var keyNode = entry[kind.Key];
        if (keyNode is not { Kind: JsonKind.String, Text.Length: > 0 })
        {
            return Skip(context, keyNode ?? entry, $"a {kind.Noun} has no '{kind.Key}' string");
        }

        var key = keyNode.Text!;
        if (!keys.Add(key))
        {
            return Skip(context, keyNode, $"the {kind.Key} '{key}' appears more than once");
        }

        var nameNode = entry["name"];
        if (nameNode is not { Kind: JsonKind.String, Text.Length: > 0 })
        {
            return Skip(context, nameNode ?? entry, $"the {kind.Noun} '{key}' has no 'name' string");
        }

        var variables = kind.IsTemplate ? ReadVariables(context, keyNode, nameNode.Text!) : EquatableArray<UriVariableSpec>.Empty;
        if (variables is null)
        {
            return null;
        }

        var methodBase = context.ReserveName(methodNames, MethodBaseOf(nameNode.Text!), nameNode.Text!, kind.Noun, nameNode);
        return new ResourceSpec(
            key,
            kind.IsTemplate,
            nameNode.Text!,
            methodBase + "Async",
            entry.StringOf("title"),
            entry.StringOf("description"),
            entry.StringOf("mimeType"),
            variables.Value);
    }

    /// <summary>
    /// The variables of the template in <paramref name="uriTemplate"/>, in the order they appear; <see langword="null"/>
    /// when it cannot be read or needs what is not supported, which skips the template.
    /// </summary>
    private static EquatableArray<UriVariableSpec>? ReadVariables(SnapshotContext context, JsonNode uriTemplate, string name)
    {
        var parsed = UriTemplateSyntax.Parse(uriTemplate.Text!);
        if (parsed.Problem is { } problem)
        {
            var where = WithinString(uriTemplate, parsed.Offset, parsed.Length);
            if (parsed.IsUnsupported)
            {
                context.Report(DiagnosticDescriptors.UnsupportedUriTemplate, where, context.Name, name, problem);
            }
            else
            {
                context.Report(DiagnosticDescriptors.InvalidResourceSkipped, where, context.Name, $"the URI template '{uriTemplate.Text}' is malformed: {problem}");
            }

            return null;
        }

        // One entry per distinct name, in order of first appearance; a repeated variable is optional only if it is
        // optional at every place, and its encoding records every place.
        var names = new List<string>();
        var uses = new Dictionary<string, (bool IsOptional, UriVariableEncoding Encoding)>(System.StringComparer.Ordinal);
        foreach (var expression in parsed.Parts)
        {
            var isOptional = expression.Operator is '?' or '&' or ';' or '#';
            var encoding = expression.Operator is '+' or '#' ? UriVariableEncoding.Reserved : UriVariableEncoding.Unreserved;
            foreach (var variable in expression.Variables)
            {
                if (!uses.TryGetValue(variable, out var seen))
                {
                    names.Add(variable);
                    uses[variable] = (isOptional, encoding);
                }
                else
                {
                    uses[variable] = (seen.IsOptional && isOptional, seen.Encoding == encoding ? encoding : UriVariableEncoding.Both);
                }
            }
        }

        // C# puts optional parameters last: the required ones first, then the optional ones, each in template order.
        // The method's own cancellation token takes its parameter name first.
        var identifiers = new HashSet<string>(System.StringComparer.Ordinal) { "CancellationToken" };
        return names.Where(name => !uses[name].IsOptional).Concat(names.Where(name => uses[name].IsOptional))
            .Select(name =>
            {
                var identifier = context.ReserveName(identifiers, Naming.ToPascalCase(name, "Variable"), name, "URI template variable", uriTemplate);
                return new UriVariableSpec(name, Naming.ToCamelCase(identifier), uses[name].IsOptional, uses[name].Encoding);
            })
            .ToEquatableArray();
    }

    /// <summary>
    /// The characters <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="length"/> of a string's
    /// value where the file holds them; the whole string when escapes make the value and its text differ.
    /// </summary>
    private static Location WithinString(JsonNode value, int offset, int length) =>
        value.JsonText == "\"" + value.Text + "\""
            ? value.Source.LocationOf(value.Start + 1 + offset, length)
            : value.Location;

    private static ResourceSpec? Skip(SnapshotContext context, JsonNode where, string problem)
    {
        context.Report(DiagnosticDescriptors.InvalidResourceSkipped, where.Location, context.Name, problem);
        return null;
    }

    /// <summary>What tells a static resource from a template in the snapshot and in the messages.</summary>
    private sealed record EntryKind(string Key, string Noun, bool IsTemplate)
    {
        public static readonly EntryKind Resource = new("uri", "resource", false);

        public static readonly EntryKind Template = new("uriTemplate", "resource template", true);
    }
}
