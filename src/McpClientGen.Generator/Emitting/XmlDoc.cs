using System.Linq;

namespace McpClientGen.Generator.Emitting;

/// <summary>Writes server-provided text into XML doc comments safely.</summary>
internal static class XmlDoc
{
    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Writes <c>&lt;tag&gt;text&lt;/tag&gt;</c>, one <c>///</c> line per line of text.</summary>
    public static void Write(SourceWriter writer, string tag, string text, string attributes = "")
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
            .Select(line => Escape(line.TrimEnd()))
            .ToList();
        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count <= 1)
        {
            writer.Line($"/// <{tag}{attributes}>{(lines.Count == 0 ? "" : lines[0])}</{tag}>");
            return;
        }

        writer.Line($"/// <{tag}{attributes}>");
        foreach (var line in lines)
        {
            writer.Line(line.Length == 0 ? "///" : "/// " + line);
        }

        writer.Line($"/// </{tag}>");
    }

    /// <summary>The first non-empty of the candidates, or the fallback.</summary>
    public static string FirstOf(string fallback, params string?[] candidates) =>
        candidates.FirstOrDefault(candidate => !string.IsNullOrWhiteSpace(candidate)) ?? fallback;

    public static string Code(string text) => "<c>" + Escape(text) + "</c>";

}
