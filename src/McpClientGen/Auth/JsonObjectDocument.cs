using System.Text.Json;

namespace McpClientGen;

/// <summary>Parses a response body that should be a JSON object, without throwing on anything else.</summary>
internal static class JsonObjectDocument
{
    /// <summary>The document when <paramref name="body"/> is a JSON object; otherwise <see langword="null"/>.</summary>
    public static JsonDocument? TryParse(byte[] body)
    {
        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
