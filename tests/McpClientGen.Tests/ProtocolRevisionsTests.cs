namespace McpClientGen.Tests;

/// <summary>The process-wide memory of agreed protocol revisions: keyed by endpoint without secrets, and bounded.</summary>
public sealed class ProtocolRevisionsTests
{
    [Fact]
    public void User_info_and_query_neither_split_nor_name_an_entry()
    {
        var revisions = new ProtocolRevisions();

        revisions.Remember(new Uri("https://mcp.example:8443/mcp"), "2025-06-18");

        Assert.Equal("2025-06-18", revisions.For(new Uri("https://user:s3cret@mcp.example:8443/mcp?api_key=s3cret")));
        Assert.Null(revisions.For(new Uri("https://mcp.example:8443/other")));
        Assert.Null(revisions.For(new Uri("https://mcp.example/mcp")));
        Assert.Null(revisions.For(new Uri("http://mcp.example:8443/mcp")));
    }

    [Fact]
    public void Endpoints_past_the_bound_do_not_grow_it()
    {
        var revisions = new ProtocolRevisions();

        for (var port = 1; port <= 3 * ProtocolRevisions.MaxEndpoints; port++)
        {
            revisions.Remember(new Uri($"https://mcp.example:{port}/mcp"), "2025-06-18");
        }

        Assert.InRange(revisions.Count, 1, ProtocolRevisions.MaxEndpoints);
    }
}
