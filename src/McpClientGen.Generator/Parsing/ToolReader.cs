using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Common;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing.Json;
using McpClientGen.Generator.Parsing.Overlays;
using McpClientGen.Generator.Parsing.Schemas;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// Reads one tool of a snapshot: its name, the method and arguments record its input schema gives, its typed result
/// and its annotations, with what the snapshot's overlay adds merged in first. A tool that cannot give a method is
/// reported and left out.
/// </summary>
internal static class ToolReader
{
    /// <summary>
    /// Reads one entry of the <c>tools</c> array. An invalid tool gives no <see cref="ToolSpec"/>, and the types and
    /// names it took are given back, so the tools after it are named as if it were absent.
    /// </summary>
    public static (ParsedTool Entry, ToolSpec? Tool) Read(SnapshotContext context, JsonNode toolNode, HashSet<string> wireNames, NameSet methodNames, ToolOverlay? overlay)
    {
        if (toolNode.Kind != JsonKind.Object)
        {
            return (Invalid(null, toolNode, toolNode, "each tool must be a JSON object"), null);
        }

        var wireName = toolNode.StringOf("name");
        if (wireName is null || wireName.Length == 0)
        {
            return (Invalid(null, toolNode["name"] ?? toolNode, toolNode["name"] ?? toolNode, "a tool has no 'name' string"), null);
        }

        var nameNode = toolNode["name"]!;
        if (!wireNames.Add(wireName))
        {
            return (Invalid(wireName, nameNode, nameNode, $"the tool name '{wireName}' appears more than once"), null);
        }

        var checkpoint = context.Save();
        var methodNamesBefore = methodNames.Mark;
        var log = context.Enter(wireName);
        var reportedBefore = log.Diagnostics.Count;
        context.Shared = new SharedTypes();
        var tool = MapInScope(context, toolNode, wireName, nameNode, methodNames, overlay);

        // Types the output shares with the input get neutral names: read the tool again, knowing which they are.
        if (log.Problems.Count == 0 && context.Shared.Found.Count > 0)
        {
            context.Restore(checkpoint);
            methodNames.RollBack(methodNamesBefore);
            log.Diagnostics.RemoveRange(reportedBefore, log.Diagnostics.Count - reportedBefore);
            context.Shared.NameNeutrally();
            context.Enter(wireName);
            tool = MapInScope(context, toolNode, wireName, nameNode, methodNames, overlay);
        }

        if (log.Problems.Count > 0)
        {
            context.Restore(checkpoint);
            methodNames.RollBack(methodNamesBefore);
            // What its overlay entry got wrong is kept: when a declared method needs the tool, the overlay may be the fix.
            var inOverlay = log.Diagnostics.Where(d => d.Location?.GetLineSpan().Path != context.Path);
            return (new ParsedTool(wireName, nameNode.Location, inOverlay.ToEquatableArray(), log.Problems.ToEquatableArray()), null);
        }

        return (new ParsedTool(wireName, nameNode.Location, log.Diagnostics.ToEquatableArray(), EquatableArray<ToolProblem>.Empty), tool);
    }

    private static ToolSpec? MapInScope(SnapshotContext context, JsonNode toolNode, string wireName, JsonNode nameNode, NameSet methodNames, ToolOverlay? overlay)
    {
        try
        {
            return Map(context, toolNode, wireName, nameNode, methodNames, overlay);
        }
        finally
        {
            context.Leave();
        }
    }

    private static ParsedTool Invalid(string? wireName, JsonNode entry, JsonNode where, string problem) =>
        new(wireName, entry.Location, EquatableArray<DiagnosticInfo>.Empty, new[] { new ToolProblem(where.Location, problem) }.ToEquatableArray());

    /// <summary>The tool's method and types; <see langword="null"/> when a problem was reported to its log.</summary>
    private static ToolSpec? Map(SnapshotContext context, JsonNode toolNode, string wireName, JsonNode nameNode, NameSet methodNames, ToolOverlay? overlay)
    {
        var inputSchema = toolNode["inputSchema"];
        if (inputSchema is not { Kind: JsonKind.Object })
        {
            context.ReportStructure(inputSchema ?? toolNode, $"tool '{wireName}' has no 'inputSchema' object");
            return null;
        }

        if (inputSchema["type"] is { } inputType && !(inputType.Kind == JsonKind.String && inputType.Text == "object"))
        {
            context.ReportStructure(inputType, $"the 'inputSchema' of tool '{wireName}' must have \"type\": \"object\"");
            return null;
        }

        inputSchema = OverlayMerger.InputSchema(context, wireName, inputSchema, overlay);
        var methodBase = context.ReserveName(methodNames, Naming.ToPascalCase(wireName, "Tool"), wireName, "tool", nameNode);
        context.TypeNames.Add(methodBase + "Async");
        context.Shared.MethodBase = methodBase;
        // The arguments record's name is taken first, so that no parameter (which is also one of its members) gets it.
        var argumentsRecord = context.ReserveTypeName(methodBase + "Arguments", nameNode);
        var mapper = new SchemaMapper(context, wireName, inputSchema);
        var parameters = mapper.MapProperties(inputSchema, methodBase, argumentsRecord, areParameters: true);

        // Arguments that are a union or a free-form map cannot become parameters: the method takes one JSON object.
        var freeFormReason = mapper.FreeFormArgumentsReason(inputSchema, parameters);
        if (freeFormReason is not null)
        {
            context.Report(DiagnosticDescriptors.UnsupportedSchema, inputSchema.Location, "arguments", wireName, freeFormReason);
        }

        return new ToolSpec(
            wireName,
            methodBase + "Async",
            toolNode.StringOf("title") ?? (toolNode["annotations"] is { Kind: JsonKind.Object } annotations ? annotations.StringOf("title") : null),
            toolNode.StringOf("description"),
            parameters.ToEquatableArray(),
            ArgumentsRecord(context, wireName, argumentsRecord, parameters),
            ReadResult(context, wireName, methodBase, OverlayMerger.OutputSchema(context, wireName, toolNode["outputSchema"], overlay)),
            ReadAnnotations(toolNode["annotations"]),
            freeFormReason is not null,
            JsonText.Minify(inputSchema.JsonText),
            inputSchema.MembersNamed("x-mcp-header").Any());
    }

    /// <summary>The record that bundles a tool's parameters, for the overload that takes one argument object.</summary>
    private static string? ArgumentsRecord(SnapshotContext context, string wireName, string name, List<PropertySpec> parameters)
    {
        if (parameters.Count == 0)
        {
            return null;
        }

        context.Records.Add(new RecordSpec(name, $"The arguments of the MCP tool '{wireName}'.", parameters.ToEquatableArray()));
        return name;
    }

    /// <summary>
    /// An <c>outputSchema</c> that maps to a record or dictionary gives a typed result; anything else, <c>CallToolResult</c>.
    /// A shape that cannot be an object, or an object with no declared shape, says nothing a type could: it is not
    /// mapped at all, so it reports nothing and takes no type names.
    /// </summary>
    private static TypeRef? ReadResult(SnapshotContext context, string wireName, string methodBase, JsonNode? outputSchema)
    {
        if (outputSchema is null)
        {
            return null;
        }

        if (outputSchema.Kind != JsonKind.Object)
        {
            context.ReportStructure(outputSchema, $"the 'outputSchema' of tool '{wireName}' must be an object");
            return null;
        }

        var mapper = new SchemaMapper(context, wireName, outputSchema);
        context.Shared.MappingOutput = true;
        if (!mapper.Classify(outputSchema).MayBeObject)
        {
            return null;
        }

        var result = mapper.Map(outputSchema, methodBase + "Result", "outputSchema");
        context.Shared.ResultName = result.Kind == TypeKind.Record ? result.Name! : methodBase + "Result";
        return result.Kind is TypeKind.Record or TypeKind.Map ? result.WithNullable(false) : null;
    }

    private static ToolAnnotationsSpec ReadAnnotations(JsonNode? annotations) =>
        annotations is { Kind: JsonKind.Object }
            ? new ToolAnnotationsSpec(
                annotations.BooleanOf("readOnlyHint"),
                annotations.BooleanOf("destructiveHint"),
                annotations.BooleanOf("idempotentHint"),
                annotations.BooleanOf("openWorldHint"))
            : ToolAnnotationsSpec.None;
}
