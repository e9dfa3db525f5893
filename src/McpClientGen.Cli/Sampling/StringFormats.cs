using System.Globalization;
using System.Text.RegularExpressions;

namespace McpClientGen.Cli.Sampling;

/// <summary>
/// The JSON Schema <c>format</c> a sampled string has, among those the generator maps to a .NET type (or that say
/// something worth keeping): <c>date-time</c>, <c>date</c>, <c>uuid</c>, <c>uri</c>, <c>email</c>. The tests are strict,
/// because a wrong format makes the generated reader throw on the next value that does not match it.
/// </summary>
internal static partial class StringFormats
{
    private static readonly string[] Detected = ["date-time", "date", "uuid", "uri", "email"];

    /// <summary>
    /// Whether <see cref="Detect"/> can tell this format; only such a format is checked against samples. Any other (a
    /// user's <c>hostname</c>, <c>int32</c> on an integer) says what no sample can disprove here, so it is kept.
    /// </summary>
    public static bool IsDetected(string format) => Detected.Contains(format, StringComparer.Ordinal);

    /// <summary>The format <paramref name="text"/> matches, or <see langword="null"/>. The formats exclude each other.</summary>
    public static string? Detect(string text) =>
        IsDateTime(text) ? "date-time"
        : IsDate(text) ? "date"
        : Guid.TryParseExact(text, "D", out _) ? "uuid"
        : IsUrl(text) ? "uri"
        : Email().IsMatch(text) ? "email"
        : null;

    // RFC 3339 section 5.6: a time and an offset are both required, which DateTimeOffset.TryParse alone does not insist on.
    private static bool IsDateTime(string text) =>
        DateTime3339().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    // Absolute URLs with an authority ("scheme://"): "key:value" or a path also parse as a URI, but are rarely meant as one.
    private static bool IsUrl(string text) =>
        UrlStart().IsMatch(text)
        && !text.Any(char.IsWhiteSpace)
        && Uri.TryCreate(text, UriKind.Absolute, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTime3339();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*://", RegexOptions.CultureInvariant)]
    private static partial Regex UrlStart();

    [GeneratedRegex(@"^[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
