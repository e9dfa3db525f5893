namespace McpClientGen.Generator.Model;

/// <summary>
/// What a usable <c>*.mcp.json</c> snapshot gives a client: its tools and the types they need, its prompts, and its
/// resources and resource templates; no locations. Each kind of entry beside <c>tools</c> is a list of its own, empty
/// when the snapshot has none.
/// </summary>
internal sealed record SnapshotSpec(
    string Name,
    EquatableArray<ToolSpec> Tools,
    EquatableArray<RecordSpec> Records,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<PromptSpec> Prompts,
    EquatableArray<ResourceSpec> Resources);
