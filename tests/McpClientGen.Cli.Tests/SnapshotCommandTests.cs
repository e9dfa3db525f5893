using McpClientGen.Cli.Tests.Support;
using McpClientGen.Testing;

namespace McpClientGen.Cli.Tests;

/// <summary>
/// <c>mcpgen snapshot</c> writes what the demo snapshot test writes, byte for byte: one implementation of the format,
/// and deterministic output.
/// </summary>
public sealed class SnapshotCommandTests(DemoStackFixture demo) : IClassFixture<DemoStackFixture>
{
    private static readonly string CommittedSnapshot = RepositoryPaths.Combine("schemas", "demo.mcp.json");

    [Fact]
    public async Task Snapshot_of_the_demo_server_is_the_committed_demo_snapshot_every_time()
    {
        using var temp = new TempDirectory();
        var first = temp.Combine("first.mcp.json");
        var second = temp.Combine("nested", "folder", "second.mcp.json");

        var firstRun = await Mcpgen.RunAsync(demo.SecretEnvironment, "snapshot", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer, "-o", first);
        var secondRun = await Mcpgen.RunAsync(demo.SecretEnvironment, "snapshot", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer, "--output", second);

        Assert.True(firstRun.ExitCode == 0, firstRun.ToString());
        Assert.True(secondRun.ExitCode == 0, secondRun.ToString());
        var committed = await File.ReadAllBytesAsync(CommittedSnapshot);
        Assert.Equal(committed, await File.ReadAllBytesAsync(first));
        Assert.Equal(committed, await File.ReadAllBytesAsync(second));
    }

    /// <summary>
    /// The snapshot records the revision the session negotiated: the newest by default (2026-07-28, through
    /// <c>server/discover</c>), or the one <c>--protocol-version</c> insists on (the 2025-11-25 handshake). The tools are
    /// captured the same either way, so only that line differs from the committed snapshot.
    /// </summary>
    [Theory]
    [InlineData(null, "2026-07-28")]
    [InlineData("2025-11-25", "2025-11-25")]
    public async Task The_snapshot_records_the_protocol_revision_it_was_captured_with(string? insisted, string recorded)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("demo.mcp.json");
        string[] revision = insisted is null ? [] : ["--protocol-version", insisted];

        var result = await Mcpgen.RunAsync(
            demo.SecretEnvironment,
            ["snapshot", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer, .. revision, "-o", path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"(protocol {recorded})", result.Error, StringComparison.Ordinal);
        var committed = await File.ReadAllTextAsync(CommittedSnapshot);
        var expected = committed.Replace("\"protocolVersion\": \"2026-07-28\"", $"\"protocolVersion\": \"{recorded}\"", StringComparison.Ordinal);
        Assert.Equal(expected, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task The_path_goes_to_stdout_and_progress_to_stderr()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("demo.mcp.json");

        var result = await Mcpgen.RunAsync(demo.SecretEnvironment, "snapshot", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer, "-o", path);

        Assert.Equal(path + "\n", result.Out);
        Assert.Contains($"Connecting to {demo.Endpoint} as demo-client", result.Error, StringComparison.Ordinal);
        Assert.Contains("demo 1.0.0", result.Error, StringComparison.Ordinal);
        Assert.Contains($"Wrote {path}.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_up_to_date_snapshot_is_left_as_it_is()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("demo.mcp.json");
        File.Copy(CommittedSnapshot, path);
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, written);

        var result = await Mcpgen.RunAsync(demo.SecretEnvironment, "snapshot", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer, "-o", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{path} is up to date.", result.Error, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public async Task An_outdated_snapshot_is_replaced()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("demo.mcp.json");
        await File.WriteAllTextAsync(path, """{"tools":[]}""");

        var result = await Mcpgen.RunAsync(demo.SecretEnvironment, "snapshot", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer, "-o", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(CommittedSnapshot), await File.ReadAllBytesAsync(path));
    }

    [Theory]
    [InlineData("demo.overlay.json")]
    [InlineData("DEMO.Overlay.JSON")]
    public async Task An_overlay_is_never_overwritten(string name)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine(name);
        const string Overlay = """{"tools":{"get_issue":{"outputSchema":{"type":"object"}}}}""";
        await File.WriteAllTextAsync(path, Overlay);
        var tokensBefore = demo.Stack.TokenRequests.Count;

        var result = await Mcpgen.RunAsync(demo.SecretEnvironment, "snapshot", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer, "-o", path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains(
            $"{path} is an overlay, which mcpgen snapshot never overwrites: write the snapshot to {path[..^".overlay.json".Length]}.mcp.json beside it.",
            result.Error,
            StringComparison.Ordinal);
        Assert.Equal(Overlay, await File.ReadAllTextAsync(path));
        Assert.Equal(tokensBefore, demo.Stack.TokenRequests.Count);
    }
}
