using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace McpClientGen.IntegrationTests.Npm;

/// <summary>
/// One package tarball from the npm registry, pinned by version and by the sha512 <c>dist.integrity</c> the registry
/// published for it: a tarball that differs by one byte is refused, so the pin covers the content, not just the name.
/// </summary>
/// <param name="Name">The package name (unscoped).</param>
/// <param name="Version">The exact version.</param>
/// <param name="Integrity">The registry's <c>dist.integrity</c>, <c>sha512-</c> and the base64 digest.</param>
internal sealed record NpmTarball(string Name, string Version, string Integrity)
{
    /// <summary>Downloads the tarball from <paramref name="registry"/> and checks it against <see cref="Integrity"/>.</summary>
    public async Task<byte[]> DownloadAsync(HttpClient http, Uri registry)
    {
        var url = new Uri(registry, $"{Name}/-/{Name}-{Version}.tgz");
        var tarball = await http.GetByteArrayAsync(url);
        var actual = "sha512-" + Convert.ToBase64String(SHA512.HashData(tarball));
        if (actual != Integrity)
        {
            throw new InvalidDataException($"{url} has integrity {actual}, not the pinned {Integrity}: it is not used.");
        }

        return tarball;
    }

    /// <summary>
    /// Writes the regular files of a downloaded tarball under <paramref name="destination"/>, each at the path
    /// <paramref name="place"/> gives for its name inside the package (npm tarballs keep everything under <c>package/</c>,
    /// which is dropped first), or nowhere when it gives <see langword="null"/>. File modes are kept, so binaries stay
    /// executable.
    /// </summary>
    public static void Extract(byte[] tarball, string destination, Func<string, string?> place)
    {
        var root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
        using var gzip = new GZipStream(new MemoryStream(tarball), CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            var name = entry.Name.Replace('\\', '/');
            var inPackage = name[(name.IndexOf('/', StringComparison.Ordinal) + 1)..];
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || place(inPackage) is not { } relative)
            {
                continue;
            }

            var path = Path.GetFullPath(Path.Combine(root, relative));
            if (!path.StartsWith(root, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"The tarball's entry {entry.Name} points outside the folder it is extracted to.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            entry.ExtractToFile(path, overwrite: false);
        }
    }
}
