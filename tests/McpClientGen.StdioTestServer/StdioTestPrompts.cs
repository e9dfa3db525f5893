using System.ComponentModel;
using ModelContextProtocol.Server;

namespace McpClientGen.StdioTestServer;

/// <summary>The prompts: one with a required and an optional argument, one without arguments.</summary>
[McpServerPromptType]
internal sealed class StdioTestPrompts
{
    [McpServerPrompt(Name = "greet", Title = "Greet")]
    [Description("Asks for a greeting for someone, in a language.")]
    public static string Greet(
        [Description("Whom to greet.")] string name,
        [Description("The language of the greeting; English when not given.")] string? language = null) =>
        $"Greet {name} in {language ?? "English"}.";

    [McpServerPrompt(Name = "status_report")]
    [Description("Asks for a short status report.")]
    public static string StatusReport() => "Write a short status report.";
}
