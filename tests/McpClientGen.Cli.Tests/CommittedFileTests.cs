using McpClientGen.Cli.Files;
using McpClientGen.Cli.Tests.Support;

namespace McpClientGen.Cli.Tests;

/// <summary>How snapshots and overlays are replaced: through a temporary file of the run's own, and through a symbolic link.</summary>
public sealed class CommittedFileTests
{
    [Fact]
    public async Task A_file_beside_it_that_another_run_may_be_writing_is_left_alone()
    {
        using var temp = new TempDirectory();
        var overlay = temp.Combine("demo.overlay.json");
        // The name every run used as its temporary file before; another run may be writing it right now.
        var others = overlay + ".mcpgen-tmp";
        await File.WriteAllTextAsync(others, "another run's half-written overlay");

        Assert.True(await CommittedFile.WriteAsync(overlay, "{}\n", "the overlay", CancellationToken.None));

        Assert.Equal("{}\n", await File.ReadAllTextAsync(overlay));
        Assert.Equal("another run's half-written overlay", await File.ReadAllTextAsync(others));
        Assert.Equal([overlay, others], Directory.GetFiles(temp.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_runs_at_once_both_write_a_whole_file()
    {
        using var temp = new TempDirectory();
        var overlay = temp.Combine("demo.overlay.json");
        string[] texts = ["{\"tools\": {\"a\": {}}}\n", "{\"tools\": {\"b\": {}}}\n"];

        var written = await Task.WhenAll(texts.Select(text => Task.Run(() => CommittedFile.WriteAsync(overlay, text, "the overlay", CancellationToken.None))));

        Assert.Equal([true, true], written);
        Assert.Contains(await File.ReadAllTextAsync(overlay), texts);
        Assert.Equal([overlay], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task A_symbolic_link_is_written_through_and_stays_a_link()
    {
        using var temp = new TempDirectory();
        var shared = temp.Combine("shared", "github.overlay.json");
        Directory.CreateDirectory(Path.GetDirectoryName(shared)!);
        await File.WriteAllTextAsync(shared, "{}\n");
        var overlay = temp.Combine("schemas", "github.overlay.json");
        Directory.CreateDirectory(Path.GetDirectoryName(overlay)!);
        File.CreateSymbolicLink(overlay, Path.Combine("..", "shared", "github.overlay.json"));

        Assert.True(await CommittedFile.WriteAsync(overlay, "{\"tools\": {}}\n", "the overlay", CancellationToken.None));

        Assert.Equal(Path.Combine("..", "shared", "github.overlay.json"), new FileInfo(overlay).LinkTarget);
        Assert.Equal("{\"tools\": {}}\n", await File.ReadAllTextAsync(shared));
        Assert.Equal([overlay], Directory.GetFiles(temp.Combine("schemas")));
        Assert.Equal([shared], Directory.GetFiles(temp.Combine("shared")));
    }
}
