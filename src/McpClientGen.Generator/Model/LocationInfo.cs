using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace McpClientGen.Generator.Model;

/// <summary>
/// A source location kept as plain values (file, span, line span), because a <see cref="Location"/> holds on to
/// syntax trees and would defeat incremental caching.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location is { SourceTree: not null }
            ? new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span)
            : null;

    public static LocationInfo InText(string filePath, SourceText text, int start, int length)
    {
        start = System.Math.Max(0, System.Math.Min(start, text.Length));
        length = System.Math.Max(0, System.Math.Min(length, text.Length - start));
        var span = new TextSpan(start, length);
        return new LocationInfo(filePath, span, text.Lines.GetLinePositionSpan(span));
    }
}
