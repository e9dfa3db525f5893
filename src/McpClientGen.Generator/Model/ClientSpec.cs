using System.Collections.Generic;
using System.Linq;

namespace McpClientGen.Generator.Model;

/// <summary>An interface bound to its snapshot: everything one client's emission needs, and nothing else.</summary>
/// <param name="Interface">The annotated interface.</param>
/// <param name="Snapshot">The snapshot it is bound to.</param>
/// <param name="Methods">The tool methods of the client, after filters, declared members and renaming.</param>
/// <param name="Unbound">The declared methods that do not fit their tools, implemented only to throw.</param>
/// <param name="Prompts">The prompts of the snapshot, each with its final method name.</param>
/// <param name="Resources">The static resources and resource templates of the snapshot, each with its final method name.</param>
internal sealed record ClientSpec(
    InterfaceSpec Interface,
    SnapshotSpec Snapshot,
    EquatableArray<ToolMethodSpec> Methods,
    EquatableArray<UnboundMethodSpec> Unbound,
    EquatableArray<PromptSpec> Prompts,
    EquatableArray<ResourceSpec> Resources)
{
    /// <summary>The tools the client calls, each once (a tool may have a generated and a declared method), in method order.</summary>
    public IEnumerable<ToolSpec> Tools => Methods.Select(method => method.Tool).Distinct();
}
