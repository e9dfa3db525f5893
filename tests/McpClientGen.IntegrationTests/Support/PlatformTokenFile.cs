namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// A platform token file in a directory of its own, deleted with it, written the way Kubernetes and the Entra webhook
/// write theirs: the new token goes to a temporary file that then replaces the old one, so a reader never sees half a
/// token.
/// </summary>
internal sealed class PlatformTokenFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpclientgen-platform-").FullName;

    public PlatformTokenFile(string? token = null)
    {
        Path = System.IO.Path.Combine(_directory, "token");
        if (token is not null)
        {
            Write(token);
        }
    }

    /// <summary>The token file's path.</summary>
    public string Path { get; }

    public void Write(string token)
    {
        var next = Path + ".next";
        File.WriteAllText(next, token);
        File.Move(next, Path, overwrite: true);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
