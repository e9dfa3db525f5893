namespace McpClientGen.Tests;

/// <summary>What <see cref="McpInputRequiredException"/> says: what the server asked, and nothing of the credentials.</summary>
public sealed class InputRequiredExceptionTests
{
    [Fact]
    public void The_message_names_the_tool_the_kinds_and_the_elicitation_message()
    {
        var refused = new McpInputRequiredException("confirm_action", [McpInputKind.Sampling, McpInputKind.Elicitation], "Do you want to go on?");

        Assert.Equal(
            "The call of MCP tool 'confirm_action' needs input the client cannot give: the server asked for an elicitation (an answer from the user) " +
            "and sampling (a language-model completion), and no handler for it is registered on the connection. The server asked: \"Do you want to go on?\"",
            refused.Message);
        Assert.Equal([McpInputKind.Elicitation, McpInputKind.Sampling], refused.Kinds);
        Assert.Equal("Do you want to go on?", refused.ElicitationMessage);
    }

    [Fact]
    public void Without_an_elicitation_the_message_names_the_kind_alone()
    {
        var refused = new McpInputRequiredException(null, [McpInputKind.Roots, McpInputKind.Roots]);

        Assert.Equal(
            "A call of an MCP tool needs input the client cannot give: the server asked for the client's roots, and no handler for it is registered on the connection.",
            refused.Message);
        Assert.Equal([McpInputKind.Roots], refused.Kinds);
    }

    [Fact]
    public void A_token_the_server_quotes_is_masked_and_its_text_kept_to_one_short_line()
    {
        // A server may put anything in its question, such as the bearer token it received; the exception is logged.
        const string Token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.c2lnbmF0dXJl";
        var question = $"Is this your token?\r\n{Token}\nfake log line " + new string('x', 500);

        var refused = new McpInputRequiredException("confirm_action", [McpInputKind.Elicitation], question);

        Assert.DoesNotContain(Token, refused.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.DoesNotContain('\r', refused.Message);
        Assert.Contains("Is this your token?  *** fake log line", refused.Message, StringComparison.Ordinal);
        Assert.True(refused.Message.Length < 600, refused.Message);
        // A structured logger prints the properties too: the question is kept as the message quotes it.
        Assert.NotNull(refused.ElicitationMessage);
        Assert.Contains($"\"{refused.ElicitationMessage}\"", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", refused.ElicitationMessage, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.ElicitationMessage);
    }

    [Fact]
    public void It_needs_at_least_one_kind()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new McpInputRequiredException("t", []));
    }

    [Fact]
    public void It_is_an_mcp_failure_for_callers_that_catch_those()
    {
        Assert.IsAssignableFrom<ModelContextProtocol.McpException>(new McpInputRequiredException("t", [McpInputKind.Sampling]));
    }
}
