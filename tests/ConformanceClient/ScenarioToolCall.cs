using System.Text.Json;

namespace McpClientGen.ConformanceClient;

/// <summary>
/// A tool call a scenario's context asks for (<c>toolCalls</c>, e.g. in <c>http-custom-headers</c>): the suite chooses
/// the argument values, among them the ones that need encoding, and compares what the client sends with them.
/// </summary>
internal sealed record ScenarioToolCall(string Name, JsonElement Arguments)
{
    /// <summary>The tools' parameters are snake_case, as the generated argument records' properties are in PascalCase.</summary>
    private static readonly JsonSerializerOptions GeneratedArguments = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IReadOnlyList<ScenarioToolCall> ReadAll(JsonElement context) =>
        context.TryGetProperty("toolCalls", out var calls) && calls.ValueKind == JsonValueKind.Array
            ? calls.EnumerateArray().Select(Read).ToList()
            : [];

    /// <summary>The arguments as the generated client's argument record for the tool.</summary>
    public T ArgumentsAs<T>() where T : class =>
        Arguments.Deserialize<T>(GeneratedArguments) ?? throw new InvalidOperationException($"The scenario's call of '{Name}' has no arguments.");

    private static ScenarioToolCall Read(JsonElement call) => new(
        call.GetProperty("name").GetString() ?? throw new InvalidOperationException("A tool call in the scenario's context has no name."),
        call.TryGetProperty("arguments", out var arguments) ? arguments.Clone() : default);
}
