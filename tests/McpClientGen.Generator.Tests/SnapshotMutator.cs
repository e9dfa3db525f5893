using System.Text;

namespace McpClientGen.Generator.Tests;

/// <summary>Makes structurally plausible and implausible variants of a snapshot document.</summary>
internal static partial class SnapshotMutator
{
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "-0.5e3", "\"class\"", "\"1st-value\"", "\"ñame\"",
        "{\"type\":\"object\"}", "{\"type\":[\"string\",\"null\"]}", "{\"$ref\":\"#/nowhere\"}", "{\"$ref\":\"#\"}",
        "{\"enum\":[]}", "{\"enum\":[\"a\",\"A\",\"a-b\",\"\"]}", "{\"type\":\"array\",\"items\":{}}",
        "\"properties\":{\"x\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}}}}",
        "\"name\":\"dup\"", "\"required\":[\"nope\"]", "\\u00e9", "\\ud800", "9999999999999999999999",
        "{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}", "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}",
        "{\"allOf\":[{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}},{\"$ref\":\"#/$defs/Node\"}]}",
        "\"$defs\":{\"Node\":{\"type\":\"object\",\"properties\":{\"next\":{\"$ref\":\"#/$defs/Node\"}}}}",
        "{\"$ref\":\"#/$defs/Node\"}", "{\"$ref\":\"#/definitions/Loop\"}", "\"definitions\":{\"Loop\":{\"$ref\":\"#/definitions/Loop\"}}",
        "{\"type\":\"object\",\"additionalProperties\":{\"type\":[\"integer\",\"null\"]}}",
        "{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":{\"enum\":[\"x\",null]}}}",
        "{\"type\":\"string\",\"format\":\"date-time\"}", "{\"type\":\"string\",\"format\":\"date\"}",
        "{\"type\":\"string\",\"format\":\"uuid\"}", "{\"type\":\"string\",\"format\":\"uri\",\"nullable\":true}",
        "{\"type\":\"array\",\"items\":[{\"type\":\"string\"}]}", "\"default\":{\"a\":[1,2]}", "true", "false",
    ];

    public static string Mutate(string document, Random random)
    {
        var text = new StringBuilder(document);
        var mutations = 1 + random.Next(3);
        for (var m = 0; m < mutations && text.Length > 0; m++)
        {
            var position = random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0:
                    text.Remove(position, Math.Min(1 + random.Next(20), text.Length - position));
                    break;
                case 1:
                    text.Insert(position, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    ReplaceStringValue(text, position, random);
                    break;
                case 3:
                    text[position] = (char)random.Next(32, 127);
                    break;
                default:
                    SwapPropertyValue(text, position, random);
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Replaces the string literal after <paramref name="position"/> with an awkward name.</summary>
    private static void ReplaceStringValue(StringBuilder text, int position, Random random)
    {
        var source = text.ToString();
        var start = source.IndexOf('"', position);
        var end = start < 0 ? -1 : source.IndexOf('"', start + 1);
        if (end > start)
        {
            string[] names =
            [
                "class", "get", "1abc", "a b", "x.y/z", "CancellationToken", "Value", "ÄÖÜ", "__", "async", "FuzzClient", "",
                "ToString", "EqualityContract", "__arguments", "writer", "element", "toolName", "String", "Task", "System",
                "#/$defs/Node", "object", "array", "null", "a\\u2028b", "x\\ny", "c\\u0085d", "e\\u0001f", "*/ </summary>", "dispose",
            ];
            text.Remove(start + 1, end - start - 1).Insert(start + 1, names[random.Next(names.Length)]);
        }
    }

    /// <summary>Replaces the value after a ':' with a fragment, changing types while keeping JSON mostly valid.</summary>
    private static void SwapPropertyValue(StringBuilder text, int position, Random random)
    {
        var source = text.ToString();
        var colon = source.IndexOf(':', position);
        if (colon < 0)
        {
            return;
        }

        var end = colon + 1;
        while (end < source.Length && source[end] is not (',' or '}' or ']'))
        {
            end++;
        }

        string[] values = ["null", "1", "\"string\"", "[]", "{}", "{\"type\":\"integer\",\"format\":\"int32\"}", "[\"a\",\"b\"]", "true"];
        text.Remove(colon + 1, end - colon - 1).Insert(colon + 1, values[random.Next(values.Length)]);
    }
}
