using ModelContextProtocol.Protocol;

namespace McpClientGen;

/// <summary>
/// The content of a resource read by a generated <c>Read…ResourceAsync</c> method, for the common case of a resource
/// with one content item. A result with several items (a directory, say) is read from <see cref="ReadResourceResult.Contents"/>.
/// </summary>
public static class ReadResourceResultExtensions
{
    /// <summary>The text of the resource's one content item.</summary>
    /// <param name="result">The result of the read.</param>
    /// <exception cref="InvalidOperationException">The result does not hold exactly one item, or that item is binary.</exception>
    public static string GetText(this ReadResourceResult result)
    {
        var contents = SingleOf(result);
        return contents is TextResourceContents text
            ? text.Text
            : throw new InvalidOperationException($"The resource '{contents.Uri}' is binary ({contents.MimeType ?? "no MIME type"}); read it with GetBytes().");
    }

    /// <summary>The bytes of the resource's one content item: a binary item decoded from base64, a text item as UTF-8.</summary>
    /// <param name="result">The result of the read.</param>
    /// <exception cref="InvalidOperationException">The result does not hold exactly one item.</exception>
    public static ReadOnlyMemory<byte> GetBytes(this ReadResourceResult result)
    {
        var contents = SingleOf(result);
        // The SDK allows no kinds of contents but these two (ResourceContents cannot be derived from outside it).
        return contents is BlobResourceContents blob ? blob.DecodedData : System.Text.Encoding.UTF8.GetBytes(((TextResourceContents)contents).Text);
    }

    private static ResourceContents SingleOf(ReadResourceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // A server's result without "contents" deserializes with no list at all: that is no items, not a crash.
        var count = result.Contents?.Count ?? 0;
        return count == 1
            ? result.Contents![0]
            : throw new InvalidOperationException($"The result holds {count} content items, not one; read them from Contents.");
    }
}
