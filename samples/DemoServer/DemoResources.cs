using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpClientGen.DemoServer;

/// <summary>
/// The demo server's resources: a text and a binary one at fixed URIs, and three templates whose variables the SDK binds
/// from the URI it receives. The templates answer with the values they were given, so a test sees how the client
/// encoded them (and that the server decoded them back).
/// </summary>
[McpServerResourceType]
public sealed class DemoResources
{
    /// <summary>The first bytes of a PNG file, with a zero and a 0xFF byte that text would not survive.</summary>
    public static readonly byte[] LogoBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF];

    private const string LogoUri = "demo://logo.png";

    [McpServerResource(UriTemplate = "demo://readme", Name = "readme", Title = "Read me", MimeType = "text/markdown")]
    [Description("What the demo server offers.")]
    public static string Readme() => "# Demo server\n\nTools, a prompt and resources behind client-credentials authentication.\n";

    [McpServerResource(UriTemplate = LogoUri, Name = "logo", MimeType = "image/png")]
    [Description("The demo's logo.")]
    public static BlobResourceContents Logo() => BlobResourceContents.FromBytes(LogoBytes, LogoUri, "image/png");

    [McpServerResource(UriTemplate = "demo://notes/{name}", Name = "note", Title = "Note", MimeType = "text/plain")]
    [Description("A note by its name.")]
    public static string Note(string name) => $"note: {name}";

    [McpServerResource(UriTemplate = "demo://files/{+path}", Name = "file", MimeType = "text/plain")]
    [Description("A file by its path; '/' separates folders.")]
    public static string File(string path) => $"file: {path}";

    [McpServerResource(UriTemplate = "demo://search{?q,lang}", Name = "search", MimeType = "text/plain")]
    [Description("Search results; both query parameters are optional.")]
    public static string Search(string? q = null, string? lang = null) => $"search: q={q ?? "(none)"} lang={lang ?? "(none)"}";
}
