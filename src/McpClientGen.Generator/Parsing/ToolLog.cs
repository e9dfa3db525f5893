using System.Collections.Generic;
using McpClientGen.Generator.Diagnostics;

namespace McpClientGen.Generator.Parsing;

/// <summary>What is reported about one tool while its snapshot is read, kept apart until it is known who uses the tool.</summary>
internal sealed class ToolLog
{
    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public List<ToolProblem> Problems { get; } = new();
}
