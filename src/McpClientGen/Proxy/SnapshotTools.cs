using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpClientGen;

/// <summary>
/// The tool definitions generated clients hand to the SDK (see <see cref="McpConnection.AddKnownTools"/>). A schema
/// that cannot be used (not JSON, or one the SDK refuses) is replaced by an empty object schema, which still tells the
/// SDK the tool exists. Generated clients build their tools in a static initializer, where there is no logger, so the
/// reason is kept with the tool and the connection it is registered with logs it.
/// </summary>
internal static class SnapshotTools
{
    private static readonly JsonElement EmptyObjectSchema = ParseEmptyObjectSchema();
    private static readonly ConditionalWeakTable<Tool, string> UnusableSchemas = new();

    /// <summary>The tool <paramref name="name"/> with <paramref name="inputSchemaJson"/>, or with an empty object schema.</summary>
    public static Tool Create(string name, string? inputSchemaJson)
    {
        var tool = new Tool { Name = name, InputSchema = EmptyObjectSchema };
        if (inputSchemaJson is not null)
        {
            try
            {
                using var schema = JsonDocument.Parse(inputSchemaJson);
                tool.InputSchema = schema.RootElement.Clone();
            }
            catch (Exception exception) when (exception is JsonException or ArgumentException)
            {
                UnusableSchemas.AddOrUpdate(tool, exception.Message);
            }
        }

        return tool;
    }

    /// <summary>Why <see cref="Create"/> gave <paramref name="tool"/> an empty schema in place of its own, if it did.</summary>
    public static bool TryGetUnusableSchemaReason(Tool tool, [NotNullWhen(true)] out string? reason) =>
        UnusableSchemas.TryGetValue(tool, out reason);

    private static JsonElement ParseEmptyObjectSchema()
    {
        using var schema = JsonDocument.Parse("""{"type":"object"}""");
        return schema.RootElement.Clone();
    }
}
