namespace McpClientGen.Generator.Model;

/// <summary>An interface annotated with <c>[McpClient]</c>, reduced to the values the generator needs.</summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="Name">The interface name, for example <c>ICrmClient</c>.</param>
/// <param name="IsPublic">Whether the interface (and so the generated class) is public; otherwise internal.</param>
/// <param name="SnapshotName">The <c>[McpClient]</c> argument.</param>
/// <param name="SnapshotArgumentLocation">Where that argument is, for diagnostics.</param>
/// <param name="Scopes">The <c>[ClientCredentials(Scopes = ...)]</c> value.</param>
/// <param name="Include">Only tools matching one of these are generated (all when empty).</param>
/// <param name="Exclude">Tools matching one of these are not generated.</param>
/// <param name="DeclaredTools">Methods the user declared with <c>[McpTool]</c>.</param>
/// <param name="MemberNames">Names of every member the user declared, which generated methods must avoid.</param>
/// <param name="Diagnostics">Problems with the declaration itself.</param>
internal sealed record InterfaceSpec(
    string Namespace,
    string Name,
    bool IsPublic,
    string SnapshotName,
    LocationInfo? SnapshotArgumentLocation,
    string? Scopes,
    EquatableArray<ToolFilterSpec> Include,
    EquatableArray<ToolFilterSpec> Exclude,
    EquatableArray<DeclaredToolSpec> DeclaredTools,
    EquatableArray<string> MemberNames,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The generated class: <c>ICrmClient</c> becomes <c>CrmClient</c>.</summary>
    public string ClassName =>
        Name.Length > 1 && Name[0] == 'I' && char.IsUpper(Name[1]) ? Name.Substring(1) : Name + "Proxy";

    /// <summary>A stable, unique hint name for the generated files.</summary>
    public string HintPrefix => Namespace.Length == 0 ? Name : Namespace + "." + Name;
}
