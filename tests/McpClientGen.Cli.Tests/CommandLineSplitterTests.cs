using McpClientGen.Cli.CommandLine;

namespace McpClientGen.Cli.Tests;

/// <summary>The <c>--stdio</c> command line is split into words like a POSIX shell would, without expanding anything.</summary>
public sealed class CommandLineSplitterTests
{
    [Theory]
    [InlineData("npx -y server", "npx|-y|server")]
    [InlineData("  npx   -y\tserver  ", "npx|-y|server")]
    [InlineData("\"C:/Program Files/node\" 'a b' c", "C:/Program Files/node|a b|c")]
    [InlineData("say \"a \\\"quoted\\\" \\\\ word\"", "say|a \"quoted\" \\ word")]
    [InlineData("say \"keep \\n as is\"", "say|keep \\n as is")]
    [InlineData("say 'no \\\" escapes'", "say|no \\\" escapes")]
    [InlineData("say a\\ b", "say|a b")]
    [InlineData("say pre\"mid dle\"'post'", "say|premid dlepost")]
    [InlineData("say \"\" ''", "say||")]
    public void Splits_into_words(string line, string words)
    {
        Assert.Equal(words.Split('|'), CommandLineSplitter.Split(line, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("server \"--token s3cret", "The --stdio command line has an unterminated double quote.")]
    [InlineData("server '--token s3cret", "The --stdio command line has an unterminated single quote.")]
    [InlineData("server \"ends in \\\"", "The --stdio command line has an unterminated double quote.")]
    [InlineData("   ", "--stdio needs the command that starts the server, such as --stdio \"npx -y some-mcp-server\".")]
    public void An_unterminated_quote_or_no_command_is_an_error_that_does_not_repeat_the_line(string line, string message)
    {
        Assert.Null(CommandLineSplitter.Split(line, out var error));
        Assert.Equal(message, error);
    }
}
