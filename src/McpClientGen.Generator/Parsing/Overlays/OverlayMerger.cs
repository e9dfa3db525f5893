using System;
using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Parsing.Json;

namespace McpClientGen.Generator.Parsing.Overlays;

/// <summary>
/// Applies an overlay to one tool before its schemas are mapped, so what the overlay adds is mapped exactly as if the
/// server had published it. The merged schemas are composed of the snapshot's values and the overlay's, each in its
/// own file, so a problem the mapper finds in either is reported where it is written.
/// </summary>
internal static class OverlayMerger
{
    /// <summary>The tool's <c>outputSchema</c>: the server's when it publishes one, else the overlay's.</summary>
    public static JsonNode? OutputSchema(SnapshotContext context, string toolName, JsonNode? published, ToolOverlay? overlay)
    {
        if (overlay?.OutputSchema is not { } added)
        {
            return published;
        }

        if (published is null)
        {
            return added.Value;
        }

        context.ReportOverlayProblem(DiagnosticDescriptors.OverlayOutputSchemaIgnored, added.Key.Location, OverlayPaths.FileNameOf(added.Key), toolName);
        return published;
    }

    /// <summary>The tool's <c>inputSchema</c> with each refined property merged member by member.</summary>
    public static JsonNode InputSchema(SnapshotContext context, string toolName, JsonNode inputSchema, ToolOverlay? overlay)
    {
        if (overlay is null || overlay.PropertyRefinements.Count == 0)
        {
            return inputSchema;
        }

        var propertiesMember = inputSchema.Property("properties");
        var properties = propertiesMember?.Value is { Kind: JsonKind.Object } found ? found : null;
        var merged = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var refinement in overlay.PropertyRefinements)
        {
            if (properties?[refinement.Name] is not { } original)
            {
                var known = properties is null || properties.Properties.Count == 0 ? "(none)" : string.Join(", ", properties.Properties.Select(p => p.Name).Distinct());
                context.ReportOverlayProblem(DiagnosticDescriptors.OverlayPropertyNotFound, refinement.Key.Location, OverlayPaths.FileNameOf(refinement.Key), refinement.Name, toolName, known);
            }
            else if (original.Kind != JsonKind.Object)
            {
                ReportConflict(context, toolName, refinement.Name, refinement.Key, "the snapshot's schema for it is not an object, so it cannot be refined member by member");
            }
            else
            {
                merged[refinement.Name] = MergeProperty(context, toolName, original, refinement);
            }
        }

        if (merged.Count == 0)
        {
            return inputSchema;
        }

        var mergedProperties = JsonNode.Composed(properties!, properties!.Properties.Select(member => Replaced(member, merged)));
        return JsonNode.Composed(
            inputSchema,
            inputSchema.Properties.Select(member => member == propertiesMember ? new JsonProperty(member.Key, mergedProperties) : member));
    }

    /// <summary>
    /// The snapshot's property with the overlay's members in place of its own, and the members it lacks added after
    /// them; a member that contradicts the snapshot is reported and left out.
    /// </summary>
    private static JsonNode MergeProperty(SnapshotContext context, string toolName, JsonNode original, JsonProperty refinement)
    {
        var accepted = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var added = new List<JsonProperty>();
        foreach (var member in refinement.Value.Properties)
        {
            if (RefinementRules.Conflict(original[member.Name], member) is { } conflict)
            {
                ReportConflict(context, toolName, refinement.Name, member.Value, conflict);
                continue;
            }

            accepted[member.Name] = member.Value;
            if (original.Property(member.Name) is null)
            {
                added.Add(member);
            }
        }

        return accepted.Count == 0
            ? original
            : JsonNode.Composed(original, original.Properties.Select(member => Replaced(member, accepted)).Concat(added));
    }

    private static JsonProperty Replaced(JsonProperty member, Dictionary<string, JsonNode> replacements) =>
        replacements.TryGetValue(member.Name, out var value) ? new JsonProperty(member.Key, value) : member;

    private static void ReportConflict(SnapshotContext context, string toolName, string propertyName, JsonNode where, string conflict) =>
        context.ReportOverlayProblem(DiagnosticDescriptors.OverlayConflict, where.Location, OverlayPaths.FileNameOf(where), propertyName, toolName, conflict);
}
