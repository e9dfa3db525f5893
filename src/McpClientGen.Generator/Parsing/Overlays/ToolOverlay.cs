using System.Collections.Generic;
using McpClientGen.Generator.Parsing.Json;

namespace McpClientGen.Generator.Parsing.Overlays;

/// <summary>What an overlay adds to one tool, as read from the overlay file (so every part keeps its position).</summary>
/// <param name="Name">The tool's name as the overlay writes it.</param>
/// <param name="OutputSchema">The <c>outputSchema</c> member, for a tool that publishes none.</param>
/// <param name="PropertyRefinements">The members of <c>inputSchema.properties</c>: one schema fragment per property.</param>
internal sealed record ToolOverlay(JsonNode Name, JsonProperty? OutputSchema, IReadOnlyList<JsonProperty> PropertyRefinements);
