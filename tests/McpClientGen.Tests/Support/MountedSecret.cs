using System.Runtime.InteropServices;

namespace McpClientGen.Tests.Support;

/// <summary>
/// A secret mounted as a file, in a directory of its own (deleted with it), and updated the way its platform updates it.
/// <see cref="Layout.Docker"/>: a plain file that a new version replaces by a rename. <see cref="Layout.Kubernetes"/>: the
/// layout of a Kubernetes secret volume, where <c>name</c> is a symlink to <c>..data/name</c> and <c>..data</c> a symlink
/// to a timestamped directory; an update writes a new directory and swaps <c>..data</c> to it in one rename, so the path
/// the client reads never changes and no file at it is ever written in place.
/// </summary>
public sealed class MountedSecret : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mcpgen-secret-").FullName;
    private readonly string _name;
    private readonly Layout _layout;
    private int _version;

    public MountedSecret(string content, string name = "client-secret", Layout layout = Layout.Docker)
    {
        _name = name;
        _layout = layout;
        Path = System.IO.Path.Combine(_directory, name);
        if (layout == Layout.Kubernetes)
        {
            File.CreateSymbolicLink(Path, System.IO.Path.Combine("..data", name));
        }

        Write(content);
    }

    /// <summary>How the platform lays the secret out and updates it.</summary>
    public enum Layout
    {
        Docker,
        Kubernetes,
    }

    /// <summary>The path the client is configured with.</summary>
    public string Path { get; }

    /// <summary>Replaces the secret, atomically for the reader.</summary>
    public void Write(string content)
    {
        _version++;
        if (_layout == Layout.Docker)
        {
            var next = Path + ".next";
            File.WriteAllText(next, content);
            File.Move(next, Path, overwrite: true);
            return;
        }

        var version = $"..2030_01_02_03_04_05.{_version}";
        Directory.CreateDirectory(System.IO.Path.Combine(_directory, version));
        File.WriteAllText(System.IO.Path.Combine(_directory, version, _name), content);
        var data = System.IO.Path.Combine(_directory, "..data");
        var previous = File.Exists(data) || Directory.Exists(data) ? new FileInfo(data).LinkTarget : null;
        var swap = System.IO.Path.Combine(_directory, "..data_tmp");
        File.CreateSymbolicLink(swap, version);
        if (Rename(swap, data) != 0)
        {
            throw new IOException($"rename(2) of {swap} failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        if (previous is not null)
        {
            Directory.Delete(System.IO.Path.Combine(_directory, previous), recursive: true);
        }
    }

    /// <summary>rename(2), which replaces a symlink to a directory in one step; File.Move takes it for the directory.</summary>
    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename([MarshalAs(UnmanagedType.LPUTF8Str)] string from, [MarshalAs(UnmanagedType.LPUTF8Str)] string to);

    /// <summary>Removes the secret, as when the volume or the secret is gone.</summary>
    public void Delete() => Directory.Delete(_directory, recursive: true);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
