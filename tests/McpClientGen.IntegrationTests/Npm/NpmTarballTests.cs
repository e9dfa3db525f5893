using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using McpClientGen.Tests.Support;

namespace McpClientGen.IntegrationTests.Npm;

/// <summary>
/// Node.js and npm are installed from tarballs pinned by integrity: one that changed is refused, and unpacking
/// keeps modes and stays inside its folder. Served by a loopback stub standing in for the registry.
/// </summary>
public sealed class NpmTarballTests
{
    private const string TarballPath = "/tool/-/tool-1.0.0.tgz";

    [Fact]
    public async Task A_tarball_with_the_pinned_integrity_is_accepted_and_one_that_changed_is_refused()
    {
        var published = Tarball(("package/bin/tool", "#!/bin/sh\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        await using var registry = await LoopbackStub.StartAsync();
        registry.Map(TarballPath, context => context.Response.Body.WriteAsync(published).AsTask());
        using var http = new HttpClient();

        var pinned = new NpmTarball("tool", "1.0.0", "sha512-" + Convert.ToBase64String(SHA512.HashData(published)));
        Assert.Equal(published, await pinned.DownloadAsync(http, registry.BaseAddress));

        var other = new NpmTarball("tool", "1.0.0", "sha512-" + Convert.ToBase64String(SHA512.HashData("changed"u8)));
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => other.DownloadAsync(http, registry.BaseAddress));
        Assert.Contains("not the pinned", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpacking_places_the_chosen_files_and_keeps_them_executable()
    {
        var executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var tarball = Tarball(("package/bin/node", "binary", executable), ("package/include/node.h", "header", UnixFileMode.UserRead));
        var folder = Directory.CreateTempSubdirectory("mcpgen-tarball-");
        try
        {
            NpmTarball.Extract(tarball, folder.FullName, file => file == "bin/node" ? "node" : null);

            Assert.Equal(["node"], folder.GetFiles().Select(file => file.Name));
            Assert.Equal("binary", File.ReadAllText(Path.Combine(folder.FullName, "node")));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(executable, File.GetUnixFileMode(Path.Combine(folder.FullName, "node")) & executable);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_entry_that_points_outside_the_folder_is_refused()
    {
        var tarball = Tarball(("package/../../escaped", "x", UnixFileMode.UserRead));
        var folder = Directory.CreateTempSubdirectory("mcpgen-tarball-");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => NpmTarball.Extract(tarball, folder.FullName, file => file));

            Assert.Contains("outside", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder.Parent!.Parent!.FullName, "escaped")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static byte[] Tarball(params (string Name, string Content, UnixFileMode Mode)[] files)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip))
        {
            foreach (var (name, content, mode) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    Mode = mode,
                    DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)),
                });
            }
        }

        return output.ToArray();
    }
}
