namespace McpClientGen.Generator.Model;

/// <summary>The part of an <c>[McpClient]</c> interface that the generated code depends on; no locations.</summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="Name">The interface name, for example <c>ICrmClient</c>.</param>
/// <param name="IsPublic">Whether the interface (and so the generated class) is public; otherwise internal.</param>
/// <param name="Scopes">The <c>[ClientCredentials(Scopes = ...)]</c> value.</param>
/// <param name="HasAITools">
/// Whether the <see cref="AIToolsClassName"/> class is generated: not when a type of the user's already has its name (MCPGEN037).
/// </param>
internal sealed record InterfaceSpec(string Namespace, string Name, bool IsPublic, string? Scopes, bool HasAITools = true)
{
    /// <summary>The generated class: <c>ICrmClient</c> becomes <c>CrmClient</c>.</summary>
    public string ClassName =>
        Name.Length > 1 && Name[0] == 'I' && char.IsUpper(Name[1]) ? Name.Substring(1) : Name + "Proxy";

    /// <summary>The generated class holding the client's <c>AsAITools</c> extension: <c>CrmClientAITools</c>.</summary>
    public string AIToolsClassName => ClassName + "AITools";

    /// <summary>A stable, unique hint name for the generated files.</summary>
    public string HintPrefix => Namespace.Length == 0 ? Name : Namespace + "." + Name;
}
