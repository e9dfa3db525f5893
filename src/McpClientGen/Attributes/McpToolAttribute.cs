namespace McpClientGen;

/// <summary>
/// Declares by hand the method that calls a tool, instead of letting the generator write it: choose the method
/// name, leave out optional properties, or return <see cref="System.Threading.Tasks.Task"/> when the result is
/// not needed. The generator checks the method against the snapshot (the tool exists; every parameter matches a
/// property by name and type; every required property has a parameter; the return type fits) and implements it.
/// </summary>
/// <remarks>
/// Parameters match properties by their wire name or by the camelCase name the generator would give them. The
/// return type is <c>Task&lt;TResult&gt;</c> for the generated result type, <c>Task&lt;CallToolResult&gt;</c>
/// for the raw result, <c>Task</c>, <c>Task&lt;JsonElement&gt;</c> for the result's JSON, <c>Task&lt;string&gt;</c>
/// for its text, or <c>Task&lt;T&gt;</c> for a type of your own read through
/// <see cref="McpClientAttribute.JsonContext"/>; a <c>CancellationToken</c> parameter is optional.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class McpToolAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The tool's name on the wire, exactly as in the snapshot.</param>
    public McpToolAttribute(string name) => Name = name;

    /// <summary>The tool's name on the wire.</summary>
    public string Name { get; }
}
