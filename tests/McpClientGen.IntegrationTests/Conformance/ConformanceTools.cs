using McpClientGen.IntegrationTests.Npm;

namespace McpClientGen.IntegrationTests.Conformance;

/// <summary>
/// The MCP conformance suite, two versions side by side, each pinned by the <c>package-lock.json</c> of its folder
/// beside this file and installed by <see cref="NodeTools"/>: <see cref="Stable"/> and <see cref="Preview"/>.
/// </summary>
internal static class ConformanceTools
{
    /// <summary>The folder pinning conformance 0.1.16, the suite's latest release.</summary>
    public const string Stable = "suite";

    /// <summary>The folder pinning conformance 0.2.0-alpha.12, which has the 2026-07-28 revision and the extension scenarios.</summary>
    public const string Preview = "suite-0.2";

    /// <summary>
    /// Installs whatever the suite pinned in <paramref name="suite"/> needs and is missing, once per test process, and
    /// returns its command-line entry point, run with <see cref="NodeTools.NodePath"/>.
    /// </summary>
    public static Task<string> EnsureInstalledAsync(string suite) => NodeTools.InstallLockedAsync(
        Path.Combine("tests", "McpClientGen.IntegrationTests", "Conformance", suite),
        Path.Combine("node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js"));
}
