using System.Buffers;
using System.Text.Json;

namespace McpClientGen.DemoServer;

/// <summary>JSON helpers of the hand-written tools: their schemas embedded in the assembly, and their arguments as one object.</summary>
internal static class ToolJson
{
    /// <summary>The JSON embedded in this assembly under <paramref name="resourceName"/>.</summary>
    public static JsonElement LoadEmbedded(string resourceName)
    {
        using var stream = typeof(ToolJson).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded resource {resourceName} is missing.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }

    /// <summary>The arguments as one JSON object, keeping the order the client sent the properties in.</summary>
    public static JsonElement ToObject(IDictionary<string, JsonElement>? arguments)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in arguments ?? new Dictionary<string, JsonElement>())
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
