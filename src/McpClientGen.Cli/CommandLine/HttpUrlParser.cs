using System.CommandLine.Parsing;

namespace McpClientGen.Cli.CommandLine;

/// <summary>
/// Parses an absolute <c>http</c> or <c>https</c> URL, so that a typo in an endpoint is a usage error before anything
/// connects. Whether plain <c>http</c> is allowed (loopback only) is the runtime's rule, checked when connecting.
/// </summary>
internal static class HttpUrlParser
{
    public static Uri? Parse(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var url = TryParse(result.Tokens[0].Value, out var error);
        if (error is not null)
        {
            result.AddError(error);
        }

        return url;
    }

    /// <summary>The URL in <paramref name="text"/>, or <see langword="null"/> and the usage error.</summary>
    public static Uri? TryParse(string text, out string? error)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            error = null;
            return url;
        }

        error = $"'{text}' is not an absolute http or https URL.";
        return null;
    }
}
