using System.Net.Http.Headers;

namespace McpClientGen;

/// <summary>
/// The parameters of a <c>WWW-Authenticate: Bearer</c> challenge (RFC 6750 §3, RFC 9728 §5.1):
/// <c>error</c>, <c>scope</c> and <c>resource_metadata</c>.
/// </summary>
internal sealed record BearerChallenge(string? Error, string? Scope, Uri? ResourceMetadata)
{
    /// <summary>The Bearer challenge of a 401 or 403 response, or <see langword="null"/> when there is none.</summary>
    public static BearerChallenge? From(HttpResponseHeaders headers)
    {
        var bearer = headers.WwwAuthenticate.FirstOrDefault(h => string.Equals(h.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase));
        if (bearer is null)
        {
            return null;
        }

        var parameters = Parse(bearer.Parameter ?? "");
        return new BearerChallenge(
            parameters.GetValueOrDefault("error"),
            parameters.GetValueOrDefault("scope"),
            Uri.TryCreate(parameters.GetValueOrDefault("resource_metadata"), UriKind.Absolute, out var url) ? url : null);
    }

    /// <summary>Whether the server wants a token with more scopes.</summary>
    public bool IsInsufficientScope => Error == "insufficient_scope";

    /// <summary>Parses <c>name="value", name=token</c> pairs; quoted values may contain commas and escaped quotes.</summary>
    internal static Dictionary<string, string> Parse(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }

            var nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ',' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var name = text.Substring(nameStart, i - nameStart);
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length || text[i] != '=')
            {
                continue;
            }

            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var value = new System.Text.StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    value.Append(text[i] == '\\' && i + 1 < text.Length ? text[++i] : text[i]);
                }

                i++;
            }
            else
            {
                for (; i < text.Length && text[i] != ','; i++)
                {
                    value.Append(text[i]);
                }
            }

            if (name.Length > 0)
            {
                result[name] = value.ToString().Trim();
            }
        }

        return result;
    }
}
