using System.Security.Cryptography;
using System.Text;

namespace McpClientGen;

/// <summary>
/// The credential files the options name (<see cref="McpConnectionOptions.ClientSecretFile"/>,
/// <see cref="McpConnectionOptions.PrivateKeyFile"/>, and the client certificate's
/// <see cref="McpConnectionOptions.ClientCertificatePath"/> and <see cref="McpConnectionOptions.ClientCertificateKeyPath"/>)
/// as read at one moment, with a digest of all their bytes to tell whether they changed since. Content is compared, not
/// timestamps: Kubernetes replaces a secret volume's files by swapping a symlink (<c>..data</c>), which leaves the
/// timestamps a path shows no reliable sign of a change. Messages name the option and the path, never the content.
/// </summary>
internal sealed class CredentialFileSnapshot
{
    private readonly byte[] _digest;

    private CredentialFileSnapshot(string? clientSecret, string? privateKey, byte[] digest, IReadOnlyList<string> described)
    {
        ClientSecret = clientSecret;
        PrivateKey = privateKey;
        _digest = digest;
        Description = string.Join(", ", described);
    }

    /// <summary>The content of <see cref="McpConnectionOptions.ClientSecretFile"/>, without a line break at its end.</summary>
    public string? ClientSecret { get; }

    /// <summary>The content of <see cref="McpConnectionOptions.PrivateKeyFile"/>.</summary>
    public string? PrivateKey { get; }

    /// <summary>Whether the options name any credential file; without one, nothing is ever re-read.</summary>
    public bool IsEmpty => Description.Length == 0;

    /// <summary>The files read, as option and path, for log lines and messages.</summary>
    public string Description { get; }

    /// <summary>Reads every credential file the options name.</summary>
    /// <exception cref="InvalidOperationException">A file is missing, unreadable, or (a secret or key) empty.</exception>
    public static CredentialFileSnapshot Read(McpConnectionOptions options)
    {
        var described = new List<string>();
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        string? ReadText(string option, string? path)
        {
            if (ReadBytes(option, path) is not { } bytes)
            {
                return null;
            }

            var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').TrimEnd('\r', '\n');
            return text.Length > 0 ? text : throw Invalid($"the {option} '{path}' is empty; it should hold the {(option == nameof(McpConnectionOptions.ClientSecretFile) ? "client secret" : "private key")}.");
        }

        byte[]? ReadBytes(string option, string? path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                return null;
            }

            var bytes = ReadFile(option, path);
            described.Add($"{option} '{path}'");

            // Each file's length goes first, so the same bytes split differently between two files never digest alike.
            digest.AppendData(BitConverter.GetBytes(bytes.LongLength));
            digest.AppendData(bytes);
            return bytes;
        }

        var secret = ReadText(nameof(McpConnectionOptions.ClientSecretFile), options.ClientSecretFile);
        var key = ReadText(nameof(McpConnectionOptions.PrivateKeyFile), options.PrivateKeyFile);
        ReadBytes(nameof(McpConnectionOptions.ClientCertificatePath), options.ClientCertificatePath);
        ReadBytes(nameof(McpConnectionOptions.ClientCertificateKeyPath), options.ClientCertificateKeyPath);
        return new CredentialFileSnapshot(secret, key, digest.GetHashAndReset(), described);
    }

    /// <summary>Whether <paramref name="other"/> read the same bytes from the same files.</summary>
    public bool SameContentAs(CredentialFileSnapshot other) => _digest.AsSpan().SequenceEqual(other._digest);

    /// <summary>
    /// A copy of <paramref name="configured"/> with the secret and key read from the files in the place of the inline
    /// options, so everything that authenticates reads them from one place. The file options stay set, for messages.
    /// </summary>
    public McpConnectionOptions ApplyTo(McpConnectionOptions configured)
    {
        if (ClientSecret is null && PrivateKey is null)
        {
            return configured;
        }

        var effective = configured.Snapshot();
        effective.ClientSecret = ClientSecret ?? configured.ClientSecret;
        effective.PrivateKey = PrivateKey ?? configured.PrivateKey;
        return effective;
    }

    private static byte[] ReadFile(string option, string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Invalid($"the {option} '{path}' does not exist; check the path and that the secret is mounted there.", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Invalid($"the {option} '{path}' could not be read ({exception.GetType().Name}); check that the process may read it.", exception);
        }
    }

    private static InvalidOperationException Invalid(string problem, Exception? cause = null) => new("Invalid McpConnectionOptions: " + problem, cause);
}
