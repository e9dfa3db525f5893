using System.Text.Json;

namespace McpClientGen.ConformanceClient;

/// <summary>
/// A tool call a scenario's context asks for (<c>toolCalls</c>, e.g. in <c>http-custom-headers</c>): the suite chooses
/// the argument values, among them the ones that need encoding, and compares what the client sends with them.
/// </summary>
internal sealed record ScenarioToolCall(string Name, IReadOnlyDictionary<string, JsonElement> Arguments)
{
    public static IReadOnlyList<ScenarioToolCall> ReadAll(JsonElement context) =>
        context.TryGetProperty("toolCalls", out var calls) && calls.ValueKind == JsonValueKind.Array
            ? calls.EnumerateArray().Select(Read).ToList()
            : [];

    private static ScenarioToolCall Read(JsonElement call) => new(
        call.GetProperty("name").GetString() ?? throw new InvalidOperationException("A tool call in the scenario's context has no name."),
        call.TryGetProperty("arguments", out var arguments) && arguments.ValueKind == JsonValueKind.Object
            ? arguments.EnumerateObject().ToDictionary(argument => argument.Name, argument => argument.Value.Clone(), StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>());
}
