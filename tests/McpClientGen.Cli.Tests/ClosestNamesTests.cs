using McpClientGen.Cli.CommandLine;

namespace McpClientGen.Cli.Tests;

/// <summary>The "did you mean" list of an unknown tool name.</summary>
public sealed class ClosestNamesTests
{
    private static readonly string[] Tools = ["add", "divide", "get_issue", "get_weather", "list_issues", "plan_trip"];

    [Theory]
    [InlineData("get_isue", "get_issue", "list_issues")]
    [InlineData("GET_ISSUE", "get_issue", "list_issues")]
    [InlineData("get_wether", "get_weather", "get_issue")]
    [InlineData("ad", "add")]
    [InlineData("issues", "list_issues")]
    [InlineData("plan-trip", "plan_trip")]
    public void The_closest_names_come_first(string wanted, params string[] expected) =>
        Assert.Equal(expected, ClosestNames.To(wanted, Tools));

    [Fact]
    public void At_most_three_names_are_given() =>
        Assert.Equal(["tool_a", "tool_b", "tool_c"], ClosestNames.To("tool_x", ["tool_d", "tool_c", "tool_b", "tool_a"]));

    [Theory]
    [InlineData("send_email")]
    [InlineData("zzz")]
    public void Unrelated_names_are_not_suggested(string wanted) => Assert.Empty(ClosestNames.To(wanted, Tools));
}
