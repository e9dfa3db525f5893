using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// Malformed entries of a snapshot's <c>prompts</c> array: each is skipped with MCPGEN034 where it is written, and the
/// tools (and the other prompts) are still generated, so the build does not fail.
/// </summary>
public sealed partial class DiagnosticTests
{
    private const string PromptsPath = "/schemas/demo.mcp.json";

    [Fact]
    public Task MCPGEN034_prompts_that_are_not_an_array_are_reported_at_the_value() =>
        VerifyPrompts("{}", (11, 13), "'prompts' must be an array of prompts");

    [Fact]
    public Task MCPGEN034_a_prompt_that_is_not_an_object_is_reported_at_it() =>
        VerifyPrompts("[1,{\"name\":\"ok\"}]", (12, 13), "each prompt must be a JSON object");

    [Fact]
    public Task MCPGEN034_a_prompt_without_a_name_is_reported_at_the_entry() =>
        VerifyPrompts("[{\"title\":\"t\"}]", (12, 25), "a prompt has no 'name' string");

    [Fact]
    public Task MCPGEN034_a_repeated_prompt_name_is_reported_at_the_second_name() =>
        VerifyPrompts("[{\"name\":\"a\"},{\"name\":\"a\"}]", (33, 36), "the prompt name 'a' appears more than once");

    [Fact]
    public Task MCPGEN034_arguments_that_are_not_an_array_are_reported_at_the_value() =>
        VerifyPrompts("[{\"name\":\"a\",\"arguments\":{}}]", (36, 38), "the 'arguments' of prompt 'a' must be an array");

    [Fact]
    public Task MCPGEN034_an_argument_without_a_name_is_reported_at_the_argument() =>
        VerifyPrompts("[{\"name\":\"a\",\"arguments\":[{\"required\":true}]}]", (37, 54), "an argument of prompt 'a' has no 'name' string");

    [Fact]
    public Task MCPGEN034_a_repeated_argument_name_is_reported_at_the_second_name() =>
        VerifyPrompts("[{\"name\":\"a\",\"arguments\":[{\"name\":\"x\"},{\"name\":\"x\"}]}]", (58, 61), "the argument 'x' of prompt 'a' appears more than once");

    [Fact]
    public Task MCPGEN034_required_that_is_not_a_boolean_is_reported_at_the_value() =>
        VerifyPrompts("[{\"name\":\"a\",\"arguments\":[{\"name\":\"x\",\"required\":\"yes\"}]}]", (60, 65), "'required' of the argument 'x' of prompt 'a' must be true or false");

    [Fact]
    public Task A_broken_prompt_in_a_snapshot_no_client_names_reports_nothing() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", ValidSnapshot), ("/schemas/other.mcp.json", PromptsSnapshot("[1]"))]);

    [Fact]
    public void A_broken_prompt_skips_only_itself()
    {
        var (output, _, _) = GeneratorHarness.Run(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            new InMemoryAdditionalText(PromptsPath, PromptsSnapshot("[{\"name\":\"bad\",\"arguments\":1},{\"name\":\"good\"}]")));

        var client = output.GetTypeByMetadataName("IDemoClient")!;
        Assert.Equal(
            ["GetGoodPromptAsync", "PingAsync"],
            client.GetMembers().OfType<IMethodSymbol>().Select(method => method.Name).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Include_and_Exclude_select_prompts_by_name_as_they_do_tools()
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(
            """
            [McpClientGen.McpClient("demo", Include = new[] { "p*", "summarize" }, Exclude = new[] { "plan" })]
            public partial interface IDemoClient;
            """,
            new InMemoryAdditionalText(PromptsPath, PromptsSnapshot("[{\"name\":\"summarize\"},{\"name\":\"plan\"},{\"name\":\"review\"}]")));

        Assert.Empty(diagnostics);
        var client = output.GetTypeByMetadataName("IDemoClient")!;
        Assert.Equal(
            ["GetSummarizePromptAsync", "PingAsync"],
            client.GetMembers().OfType<IMethodSymbol>().Select(method => method.Name).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_tool_named_get_prompt_keeps_the_name_it_had_before_prompts_were_generated()
    {
        // A snapshot from before typed prompts, with a tool that the proxy's prompt helper must not push aside.
        var (output, diagnostics, _) = GeneratorHarness.Run(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            new InMemoryAdditionalText(PromptsPath, "{\"tools\":[{\"name\":\"get_prompt\",\"inputSchema\":{\"type\":\"object\"}}],\n\"prompts\":[{\"name\":\"greeting\"}]}"));

        Assert.Empty(diagnostics);
        Assert.DoesNotContain(output.GetDiagnostics(), diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning);
        var client = output.GetTypeByMetadataName("IDemoClient")!;
        Assert.Equal(
            ["GetGreetingPromptAsync", "GetPromptAsync"],
            client.GetMembers().OfType<IMethodSymbol>().Select(method => method.Name).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>A snapshot with one valid tool on line 1 and <c>"prompts":</c> then <paramref name="prompts"/> on line 2, from column 11.</summary>
    private static string PromptsSnapshot(string prompts) =>
        "{\"tools\":[{\"name\":\"ping\",\"inputSchema\":{\"type\":\"object\"}}],\n\"prompts\":" + prompts + "}";

    /// <summary>Expects only MCPGEN034 on line 2, between the given columns: the rest of the snapshot still gives a client.</summary>
    private static Task VerifyPrompts(string prompts, (int Start, int End) columns, string problem) =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [(PromptsPath, PromptsSnapshot(prompts))],
            new DiagnosticResult("MCPGEN034", DiagnosticSeverity.Warning)
                .WithSpan(PromptsPath, 2, columns.Start, 2, columns.End)
                .WithArguments("demo", problem));
}
