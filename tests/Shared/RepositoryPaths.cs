using System.Reflection;

namespace McpClientGen.Testing;

/// <summary>
/// Where the repository is on disk. The build stamps it into each test assembly; CallerFilePath cannot be used
/// because CI builds map source paths to <c>/_/</c> for deterministic output.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = typeof(RepositoryPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
