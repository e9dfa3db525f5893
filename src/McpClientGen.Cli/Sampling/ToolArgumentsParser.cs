using System.CommandLine.Parsing;
using System.Text.Json;

namespace McpClientGen.Cli.Sampling;

/// <summary>
/// Parses <c>--arguments</c>: a JSON object whose members are the tool's arguments. The message for anything else
/// says where the JSON went wrong without repeating the text, which may hold values the user would not want printed.
/// </summary>
internal static class ToolArgumentsParser
{
    // Two values for one argument would leave it unclear which one the server gets.
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    public static Dictionary<string, JsonElement>? Parse(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(result.Tokens[0].Value, Options);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.EnumerateObject().ToDictionary(argument => argument.Name, argument => argument.Value.Clone(), StringComparer.Ordinal);
            }

            result.AddError($"--arguments takes a JSON object, such as '{{\"owner\": \"octo\"}}', not {JsonKindName.Of(document.RootElement.ValueKind)}.");
        }
        catch (JsonException exception)
        {
            result.AddError($"--arguments takes a JSON object, such as '{{\"owner\": \"octo\"}}': {exception.Message}");
        }

        return null;
    }
}
