using System;
using System.Collections.Generic;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Parsing.Json;

namespace McpClientGen.Generator.Parsing.Overlays;

/// <summary>
/// Reads a <c>*.overlay.json</c>: <c>{"tools":{"name":{"outputSchema":{…},"inputSchema":{"properties":{…}}}}}</c>.
/// A part that does not have this shape is reported where it is written and left out; the rest still applies.
/// </summary>
internal static class OverlayReader
{
    /// <summary>The tools the overlay refines, in the order it lists them.</summary>
    public static List<ToolOverlay> Read(SnapshotContext context, JsonSource overlay)
    {
        var tools = new List<ToolOverlay>();
        JsonNode root;
        try
        {
            root = JsonParser.Parse(overlay);
        }
        catch (JsonParseException exception)
        {
            var position = overlay.Text.Lines.GetLinePosition(Math.Min(exception.Offset, overlay.Text.Length));
            context.ReportOverlayProblem(
                DiagnosticDescriptors.InvalidOverlay,
                overlay.LocationOf(exception.Offset, 0),
                System.IO.Path.GetFileName(overlay.Path),
                $"it is not valid JSON: {exception.Message} (line {position.Line + 1}, column {position.Character + 1})");
            return tools;
        }

        if (root.Kind != JsonKind.Object || root["tools"] is not { } toolsNode)
        {
            Report(context, root, "expected an object with a 'tools' object");
            return tools;
        }

        if (toolsNode.Kind != JsonKind.Object)
        {
            Report(context, toolsNode, "'tools' must be an object keyed by tool name");
            return tools;
        }

        // What an entry's contents get wrong is the tool's concern: reported only when a client uses the tool.
        foreach (var tool in Unique(context, toolsNode, "the tool"))
        {
            context.Enter(tool.Name);
            if (tool.Value.Kind != JsonKind.Object)
            {
                Report(context, tool.Value, $"the entry for tool '{tool.Name}' must be an object");
            }
            else
            {
                tools.Add(ReadTool(context, tool));
            }

            context.Leave();
        }

        return tools;
    }

    private static ToolOverlay ReadTool(SnapshotContext context, JsonProperty tool)
    {
        JsonProperty? outputSchema = null;
        var refinements = new List<JsonProperty>();
        foreach (var member in tool.Value.Properties)
        {
            switch (member.Name)
            {
                case "outputSchema" when member.Value.Kind == JsonKind.Object:
                    outputSchema = member;
                    break;
                case "outputSchema":
                    Report(context, member.Value, $"the 'outputSchema' of tool '{tool.Name}' must be an object");
                    break;
                case "inputSchema":
                    refinements.AddRange(ReadRefinements(context, tool.Name, member.Value));
                    break;
                default:
                    Report(context, member.Key, $"'{member.Name}' cannot be refined; an entry for tool '{tool.Name}' holds 'outputSchema' and 'inputSchema'");
                    break;
            }
        }

        return new ToolOverlay(tool.Key, outputSchema, refinements);
    }

    /// <summary><c>inputSchema</c> in an overlay holds only <c>properties</c>: the tool's arguments stay the server's.</summary>
    private static IEnumerable<JsonProperty> ReadRefinements(SnapshotContext context, string toolName, JsonNode inputSchema)
    {
        if (inputSchema.Kind != JsonKind.Object)
        {
            Report(context, inputSchema, $"the 'inputSchema' of tool '{toolName}' must be an object with 'properties'");
            yield break;
        }

        foreach (var member in inputSchema.Properties)
        {
            if (member.Name != "properties")
            {
                Report(context, member.Key, $"'inputSchema.{member.Name}' of tool '{toolName}' cannot be refined; only 'properties' can");
            }
            else if (member.Value.Kind != JsonKind.Object)
            {
                Report(context, member.Value, $"'inputSchema.properties' of tool '{toolName}' must be an object keyed by property name");
            }
            else
            {
                foreach (var property in Unique(context, member.Value, $"the property of tool '{toolName}' named"))
                {
                    if (property.Value.Kind == JsonKind.Object)
                    {
                        yield return property;
                    }
                    else
                    {
                        Report(context, property.Value, $"the refinement of property '{property.Name}' of tool '{toolName}' must be a schema object");
                    }
                }
            }
        }
    }

    /// <summary>
    /// The members of an object, each name once. JSON lets the last repeat win, which would silently drop an entry
    /// someone wrote; a repeat is reported instead.
    /// </summary>
    private static IEnumerable<JsonProperty> Unique(SnapshotContext context, JsonNode container, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in container.Properties)
        {
            if (seen.Add(member.Name))
            {
                yield return member;
            }
            else
            {
                Report(context, member.Key, $"{what} '{member.Name}' appears more than once");
            }
        }
    }

    private static void Report(SnapshotContext context, JsonNode where, string problem) =>
        context.ReportOverlayProblem(DiagnosticDescriptors.InvalidOverlay, where.Location, OverlayPaths.FileNameOf(where), problem);
}
