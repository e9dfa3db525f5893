using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Emitting;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing.Json;
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

    public static SnapshotSpec Parse(string path, SourceText? text, CancellationToken cancellationToken)
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

        var tools = new List<ToolSpec>();
        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        var methodNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var toolNode in toolsNode.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReadTool(context, toolNode, wireNames, methodNames) is { } tool)
            {
                tools.Add(tool);
            }
        }

        return Build(context, tools.OrderBy(tool => tool.WireName, StringComparer.Ordinal).ToEquatableArray());
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
            context.ReportStructure(toolNode, "a tool has no 'name' string");
            return null;
        }

        if (!wireNames.Add(wireName!))
        {
            context.ReportStructure(toolNode["name"]!, $"the tool name '{wireName}' appears more than once");
            return null;
        }

        var inputSchema = toolNode["inputSchema"];
        if (inputSchema is not { Kind: JsonKind.Object })
        {
            context.ReportStructure(inputSchema ?? toolNode, $"tool '{wireName}' has no 'inputSchema' object");
            return null;
        }

        var methodBase = Naming.ToPascalCase(wireName!, "Tool");
        var methodName = UniqueNames.Reserve(methodNames, methodBase + "Async");
        var parameters = new SchemaMapper(context, wireName!, inputSchema).MapProperties(inputSchema, methodBase, isRecord: false);

        TypeRef? result = null;
        if (toolNode["outputSchema"] is { Kind: JsonKind.Object } outputSchema
            && outputSchema.StringOf("type") == "object")
        {
            result = new SchemaMapper(context, wireName!, outputSchema).MapRecord(outputSchema, methodBase + "Result");
        }

        return new ToolSpec(
            wireName!,
            methodName,
            toolNode.StringOf("title"),
            toolNode.StringOf("description"),
            parameters.ToEquatableArray(),
            result,
            ReadAnnotations(toolNode["annotations"]));
    }

    private static ToolAnnotationsSpec ReadAnnotations(JsonNode? annotations) =>
        annotations is { Kind: JsonKind.Object }
            ? new ToolAnnotationsSpec(
                annotations.BooleanOf("readOnlyHint"),
                annotations.BooleanOf("destructiveHint"),
                annotations.BooleanOf("idempotentHint"),
                annotations.BooleanOf("openWorldHint"))
            : ToolAnnotationsSpec.None;

    private static SnapshotSpec Build(SnapshotContext context, EquatableArray<ToolSpec> tools) =>
        new(
            context.Name,
            context.Path,
            !context.HasErrors,
            tools,
            context.Records.OrderBy(r => r.Name, StringComparer.Ordinal).ToEquatableArray(),
            context.Enums.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(),
            context.Diagnostics.ToEquatableArray());
}
