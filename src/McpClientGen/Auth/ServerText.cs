using System.Text.RegularExpressions;

namespace McpClientGen;

/// <summary>
/// Makes text an authorization server sent fit for exception messages and logs: a server may echo what it
/// received, so the secret and anything shaped like a JWT (an assertion, a token) are masked, line breaks that
/// could forge log lines are removed, and the length is capped.
/// </summary>
internal static partial class ServerText
{
    private const int MaxLength = 300;

    public static string Clean(string text, TokenClientAuthentication authentication) => Clean(authentication.Redact(text));

    /// <summary>The same for text from any server, which knows none of the client's secrets: JWT-shaped text is masked.</summary>
    public static string Clean(string text)
    {
        var masked = Jwt().Replace(text, "***");
        var oneLine = masked.Replace('\r', ' ').Replace('\n', ' ');
        return oneLine.Length <= MaxLength ? oneLine : oneLine[..MaxLength] + "…";
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();
}
