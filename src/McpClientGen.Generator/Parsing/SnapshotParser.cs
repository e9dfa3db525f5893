using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Common;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing.Json;
using McpClientGen.Generator.Parsing.Schemas;
using Microsoft.CodeAnalysis.Text;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// Reads a <c>*.mcp.json</c> snapshot: the DESIGN.md format (<c>{"server":…,"tools":[…]}</c>), a bare
/// <c>{"tools":[…]}</c>, or a bare array of tools. Every problem becomes a diagnostic with a line and column;
/// nothing here throws.
/// </summary>
internal static class SnapshotParser
{
    public const string FileSuffix = ".mcp.json";

    public static bool IsSnapshotPath(string path) => path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary><c>schemas/crm.mcp.json</c> is the snapshot named <c>crm</c>.</summary>
    public static string NameOf(string path)
    {
        var fileName = System.IO.Path.GetFileName(path);
        return fileName.Substring(0, fileName.Length - FileSuffix.Length);
    }

    public static ParsedSnapshot Parse(string path, SourceText? text, CancellationToken cancellationToken)
    {
        var name = NameOf(path);
        var context = new SnapshotContext(name, path, text ?? SourceText.From(""));
        if (text is null)
        {
            context.Report(DiagnosticDescriptors.InvalidSnapshotJson, context.LocationAt(0), name, "the file could not be read");
            return Build(context, EquatableArray<ToolSpec>.Empty);
        }

        JsonNode root;
        try
        {
            root = JsonParser.Parse(text.ToString());
        }
        catch (JsonParseException exception)
        {
            var position = text.Lines.GetLinePosition(Math.Min(exception.Offset, text.Length));
            var message = $"{exception.Message} (line {position.Line + 1}, column {position.Character + 1})";
            context.Report(DiagnosticDescriptors.InvalidSnapshotJson, context.LocationAt(exception.Offset), name, message);
            return Build(context, EquatableArray<ToolSpec>.Empty);
        }

        var toolsNode = root.Kind == JsonKind.Array ? root : root["tools"];
        if (toolsNode is not { Kind: JsonKind.Array })
        {
            context.ReportStructure(toolsNode ?? root, "expected an array of tools, or an object with a 'tools' array");
            return Build(context, EquatableArray<ToolSpec>.Empty);
        }

        // Tools are mapped in name order, so generated names do not depend on the order the server listed them in.
        var toolNodes = toolsNode.Items
            .OrderBy(node => node.Kind == JsonKind.Object ? node.StringOf("name") ?? "" : "", StringComparer.Ordinal)
            .ToList();
        var tools = new List<ToolSpec>();
        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        var methodNames = new HashSet<string>(StringComparer.Ordinal);

        // Methods and the generated types are members of the same interface, so no type may take a method's name.
        foreach (var toolName in toolNodes.Where(node => node.Kind == JsonKind.Object).Select(node => node.StringOf("name")).Where(n => n is not null))
        {
            context.TypeNames.Add(Naming.ToPascalCase(toolName!, "Tool") + "Async");
        }

        foreach (var toolNode in toolNodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReadTool(context, toolNode, wireNames, methodNames) is { } tool)
            {
                tools.Add(tool);
            }
        }

        return Build(context, tools.ToEquatableArray());
    }

    private static ToolSpec? ReadTool(SnapshotContext context, JsonNode toolNode, HashSet<string> wireNames, HashSet<string> methodNames)
    {
        if (toolNode.Kind != JsonKind.Object)
        {
            context.ReportStructure(toolNode, "each tool must be a JSON object");
            return null;
        }

        var wireName = toolNode.StringOf("name");
        if (string.IsNullOrEmpty(wireName))
        {
            context.ReportStructure(toolNode["name"] ?? toolNode, "a tool has no 'name' string");
            return null;
        }

        var nameNode = toolNode["name"]!;
        if (!wireNames.Add(wireName!))
        {
            context.ReportStructure(nameNode, $"the tool name '{wireName}' appears more than once");
            return null;
        }

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

        var methodBase = context.ReserveName(methodNames, Naming.ToPascalCase(wireName!, "Tool"), wireName!, "tool", nameNode);
        context.TypeNames.Add(methodBase + "Async");
        // The arguments record's name is taken first, so that no parameter (which is also one of its members) gets it.
        var argumentsRecord = context.ReserveTypeName(methodBase + "Arguments", nameNode);
        var mapper = new SchemaMapper(context, wireName!, inputSchema);
        var parameters = mapper.MapProperties(inputSchema, methodBase, argumentsRecord, areParameters: true);

        // Arguments that are a union or a free-form map cannot become parameters: the method takes one JSON object.
        var freeFormReason = mapper.FreeFormArgumentsReason(inputSchema, parameters);
        if (freeFormReason is not null)
        {
            context.Report(DiagnosticDescriptors.UnsupportedSchema, context.LocationOf(inputSchema), "arguments", wireName!, freeFormReason);
        }

        context.ToolNames.Add(new ToolNameLocation(wireName!, context.LocationOf(nameNode)));
        return new ToolSpec(
            wireName!,
            methodBase + "Async",
            toolNode.StringOf("title") ?? (toolNode["annotations"] is { Kind: JsonKind.Object } annotations ? annotations.StringOf("title") : null),
            toolNode.StringOf("description"),
            parameters.ToEquatableArray(),
            ArgumentsRecord(context, wireName!, argumentsRecord, parameters),
            ReadResult(context, wireName!, methodBase, toolNode["outputSchema"]),
            ReadAnnotations(toolNode["annotations"]),
            freeFormReason is not null,
            inputSchema.MembersNamed("x-mcp-header").Any() ? JsonText.Minify(context.TextOf(inputSchema)) : null);
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
        if (!mapper.Classify(outputSchema).MayBeObject)
        {
            return null;
        }

        var result = mapper.Map(outputSchema, methodBase + "Result", "outputSchema");
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

    private static ParsedSnapshot Build(SnapshotContext context, EquatableArray<ToolSpec> tools) =>
        new(
            context.Path,
            new SnapshotSpec(
                context.Name,
                tools,
                context.Records.OrderBy(r => r.Name, StringComparer.Ordinal).ToEquatableArray(),
                context.Enums.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray()),
            !context.HasErrors,
            context.ToolNames.ToEquatableArray(),
            context.Diagnostics.ToEquatableArray());
}
