using System.Text.Json;

namespace McpClientGen;

/// <summary>How a generated client's <c>AsAITools</c> hands its tools to a Microsoft.Extensions.AI agent.</summary>
public sealed class McpAIToolsOptions
{
    private readonly string? _namePrefix;

    /// <summary>
    /// Whether tools not annotated read-only (<c>readOnlyHint: true</c>) come wrapped in
    /// <c>ApprovalRequiredAIFunction</c>, so an agent asks before it runs them. Defaults to <see langword="true"/>;
    /// <see langword="false"/> lets an agent run every tool.
    /// </summary>
    public bool RequireApproval { get; init; } = true;

    /// <summary>
    /// Put before each function's name, so two clients that both have a <c>search</c> tool can be given to one agent
    /// (<c>crm_</c> makes it <c>crm_search</c>). The server is still called with the tool's own name. Defaults to none.
    /// </summary>
    /// <remarks>
    /// Only ASCII letters, digits, <c>_</c> and <c>-</c> are allowed, the characters model providers accept in function
    /// names, so the prefix keeps a valid tool name a valid function name.
    /// </remarks>
    /// <exception cref="ArgumentException">The prefix is empty or has another character.</exception>
    public string? NamePrefix
    {
        get => _namePrefix;
        init => _namePrefix = value is null || IsFunctionName(value)
            ? value
            : throw new ArgumentException(
                $"The name prefix '{value}' would make invalid function names: use only ASCII letters, digits, '_' and '-', or no prefix.",
                nameof(NamePrefix));
    }

    /// <summary>
    /// Writes argument values that are not already JSON. An agent passes the values it parsed from the model's JSON
    /// (<see cref="JsonElement"/>), and strings, booleans, numbers and <see cref="System.Text.Json.Nodes.JsonNode"/>
    /// are written as they are, all without reflection. Any other .NET value is written through these options' type
    /// info resolver; give the options of a source-generated <c>JsonSerializerContext</c> that knows those types, so
    /// trimming and Native AOT keep working. Defaults to none: such a value is refused with an
    /// <see cref="ArgumentException"/> before the tool is called.
    /// </summary>
    public JsonSerializerOptions? JsonSerializerOptions { get; init; }

    private static bool IsFunctionName(string name) =>
        name.Length > 0 && name.All(character => char.IsAsciiLetterOrDigit(character) || character is '_' or '-');
}
