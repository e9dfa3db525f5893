using System.Text;

namespace McpClientGen.Generator.Parsing.Json;

/// <summary>Helpers for JSON text that the generator copies into generated code.</summary>
internal static class JsonText
{
    /// <summary>Removes the whitespace between tokens of valid JSON, leaving strings untouched.</summary>
    public static string Minify(string json)
    {
        var builder = new StringBuilder(json.Length);
        var inString = false;
        var escaped = false;
        foreach (var c in json)
        {
            if (inString)
            {
                builder.Append(c);
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c is not (' ' or '\t' or '\r' or '\n'))
            {
                inString = c == '"';
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
