using System.Text;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Tests;

/// <summary><c>GetText()</c> and <c>GetBytes()</c>: the content of a resource read as one item, text or binary.</summary>
public sealed class ReadResourceResultExtensionsTests
{
    [Fact]
    public void A_text_item_reads_as_its_text_and_as_UTF_8_bytes()
    {
        var result = new ReadResourceResult { Contents = [new TextResourceContents { Uri = "demo://a", Text = "héllo" }] };

        Assert.Equal("héllo", result.GetText());
        Assert.Equal(Encoding.UTF8.GetBytes("héllo"), result.GetBytes().ToArray());
    }

    [Fact]
    public void A_binary_item_reads_as_its_decoded_bytes_and_is_not_text()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF];
        var result = new ReadResourceResult { Contents = [BlobResourceContents.FromBytes(png, "demo://logo.png", "image/png")] };

        Assert.Equal(png, result.GetBytes().ToArray());
        var exception = Assert.Throws<InvalidOperationException>(() => result.GetText());
        Assert.Contains("demo://logo.png", exception.Message, StringComparison.Ordinal);
        Assert.Contains("image/png", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_items_or_none_are_not_one_item()
    {
        var two = new ReadResourceResult
        {
            Contents = [new TextResourceContents { Uri = "demo://a", Text = "a" }, new TextResourceContents { Uri = "demo://b", Text = "b" }],
        };
        var none = new ReadResourceResult { Contents = [] };
        // What a result without a "contents" member deserializes to.
        var missing = new ReadResourceResult { Contents = null! };

        Assert.Contains("2 content items", Assert.Throws<InvalidOperationException>(() => two.GetText()).Message, StringComparison.Ordinal);
        Assert.Contains("0 content items", Assert.Throws<InvalidOperationException>(() => none.GetBytes()).Message, StringComparison.Ordinal);
        Assert.Contains("0 content items", Assert.Throws<InvalidOperationException>(() => missing.GetText()).Message, StringComparison.Ordinal);
        Assert.Contains("0 content items", Assert.Throws<InvalidOperationException>(() => missing.GetBytes()).Message, StringComparison.Ordinal);
    }
}
