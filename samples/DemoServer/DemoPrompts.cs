using System.ComponentModel;
using ModelContextProtocol.Server;

namespace McpClientGen.DemoServer;

/// <summary>
/// The demo server's prompts, declared with attributes so their arguments are what the SDK lists: a required argument
/// and an optional one, whose default the prompt applies when the client leaves it out.
/// </summary>
[McpServerPromptType]
internal sealed class DemoPrompts
{
    [McpServerPrompt(Name = "summarize_ticket", Title = "Summarize ticket")]
    [Description("Asks for a summary of a support ticket, written for one audience.")]
    public static string SummarizeTicket(
        [Description("The ticket's number, for example T-1001.")] string ticket,
        [Description("Who reads the summary; engineers when not given.")] string? audience = null) =>
        $"Summarize ticket {ticket} for {audience ?? "engineers"}.";
}
