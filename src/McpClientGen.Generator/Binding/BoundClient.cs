using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Binding;

/// <summary>
/// What binding one interface gives: the client to emit, and every diagnostic about the interface. The two are
/// taken apart in the pipeline, so a diagnostic that only moved does not re-emit the client.
/// </summary>
/// <param name="Client">The client, or <see langword="null"/> when an error prevents generating it.</param>
/// <param name="Diagnostics">The declaration's problems, then binding's.</param>
internal sealed record BoundClient(ClientSpec? Client, EquatableArray<DiagnosticInfo> Diagnostics);
