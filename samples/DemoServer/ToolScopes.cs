using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using ModelContextProtocol.Server;

namespace McpClientGen.DemoServer;

/// <summary>Which scopes each demo tool needs, read from <see cref="RequiredScopeAttribute"/> on the tool methods.</summary>
internal static class ToolScopes
{
    private static readonly FrozenDictionary<string, string[]> ByTool = typeof(DemoTools)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
        .Select(method => (
            Tool: method.GetCustomAttribute<McpServerToolAttribute>()?.Name,
            Scopes: method.GetCustomAttributes<RequiredScopeAttribute>().Select(attribute => attribute.Scope).ToArray()))
        .Where(entry => entry.Tool is not null && entry.Scopes.Length > 0)
        .ToFrozenDictionary(entry => entry.Tool!, entry => entry.Scopes, StringComparer.Ordinal);

    /// <summary>The scopes that the <c>tools/call</c> requests among <paramref name="messages"/> need, in order, without duplicates.</summary>
    public static IReadOnlyList<string> RequiredFor(IEnumerable<JsonElement> messages) =>
        [.. messages
            .Where(message => McpRequestBody.MethodOf(message) == "tools/call")
            .Select(message => McpRequestBody.ParamsOf(message) is { } parameters
                && parameters.TryGetProperty("name", out var name)
                && name.ValueKind == JsonValueKind.String
                    ? name.GetString()
                    : null)
            .SelectMany(tool => tool is not null && ByTool.TryGetValue(tool, out var scopes) ? scopes : [])
            .Distinct(StringComparer.Ordinal)];
}
