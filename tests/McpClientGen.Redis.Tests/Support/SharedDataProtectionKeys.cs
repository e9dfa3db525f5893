using Microsoft.AspNetCore.DataProtection;

namespace McpClientGen.Redis.Tests.Support;

/// <summary>
/// A Data Protection key ring in a directory of its own, which every "process" of a test reads: each gets a provider
/// of its own on the same keys, as the instances of a fleet share keys through a common key store.
/// </summary>
internal sealed class SharedDataProtectionKeys : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("mcpgen-dp-keys-");

    public SharedDataProtectionKeys()
    {
        // The first provider writes the key now, so the others find it on disk rather than each making one of its own.
        _ = NewProvider().CreateProtector("warm-up").Protect([1]);
    }

    /// <summary>A provider of a process of the fleet.</summary>
    public IDataProtectionProvider NewProvider() =>
        DataProtectionProvider.Create(_directory, builder => builder.SetApplicationName("McpClientGen.Redis.Tests"));

    public void Dispose() => _directory.Delete(recursive: true);
}
