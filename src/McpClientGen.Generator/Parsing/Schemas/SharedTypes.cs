using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace McpClientGen.Generator.Parsing.Schemas;

/// <summary>
/// The types of one tool that its output reuses from its input: the same untitled schema, not from <c>$defs</c>,
/// reached from both (an order's status in the filters and in the results). Such a type is named after neither
/// path's tool-specific part, but neutrally, so <c>SearchOrdersFiltersStatus</c> does not appear in the result.
/// The tool is read once to find them, and again with their names.
/// </summary>
internal sealed class SharedTypes
{
    /// <summary>The name each type made while the input was mapped would get, by its identity.</summary>
    private readonly Dictionary<string, string> _madeByInput = new(System.StringComparer.Ordinal);

    /// <summary>The base of the tool's method name, which prefixes the names of its types.</summary>
    public string MethodBase { get; set; } = "";

    /// <summary>
    /// The name the output's types start with: the result record's name as reserved, which is numbered
    /// (<c>SearchResult2</c>) when the input already took <c>{Tool}Result</c>.
    /// </summary>
    public string ResultName { get; set; } = "";

    /// <summary>Whether the output schema is being mapped (else the input).</summary>
    public bool MappingOutput { get; set; }

    /// <summary>What the output reused: identity → (the input's name, the name the output would have given).</summary>
    public Dictionary<string, (string InputName, string OutputName)> Found { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The names to give on the second reading, by identity.</summary>
    public Dictionary<string, string> Names { get; } = new(System.StringComparer.Ordinal);

    public string NameFor(string identity, string preferredName)
    {
        if (!MappingOutput)
        {
            _madeByInput[identity] = preferredName;
        }

        return Names.TryGetValue(identity, out var name) ? name : preferredName;
    }

    public void Reused(string identity, string preferredName)
    {
        if (MappingOutput && _madeByInput.TryGetValue(identity, out var inputName) && !Found.ContainsKey(identity))
        {
            Found[identity] = (inputName, preferredName);
        }
    }

    /// <summary>
    /// Sets the neutral names: the output's name without the result record's name (<c>OrderStatus</c> for
    /// <c>orders[].status</c>), or, when the type is the whole result, the input's name without the tool's prefix.
    /// What is left must still be a type name (not <c>2Status</c>); otherwise the type keeps its input name.
    /// </summary>
    public void NameNeutrally()
    {
        foreach (var found in Found)
        {
            var neutral = Without(found.Value.OutputName, ResultName) ?? Without(found.Value.InputName, MethodBase);
            if (neutral is not null && IsTypeName(neutral))
            {
                Names[found.Key] = neutral;
            }
        }

        Found.Clear();
        _madeByInput.Clear();
        MappingOutput = false;
    }

    private static bool IsTypeName(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && (char.IsLetter(name[0]) || name[0] == '_');

    private static string? Without(string name, string prefix) =>
        name.Length > prefix.Length && name.StartsWith(prefix, System.StringComparison.Ordinal) ? name.Substring(prefix.Length) : null;
}
