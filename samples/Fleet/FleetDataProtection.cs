using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace McpClientGen.Fleet;

/// <summary>
/// The Data Protection keys the fleet encrypts its shared tokens with: one key ring in a directory every worker reads,
/// under one application name, so a token one process stored is one the others can decrypt. (A real fleet would keep
/// the ring in Redis with <c>PersistKeysToStackExchangeRedis</c>, or in a cloud key store; a directory keeps the demo's
/// keys apart from the Redis it takes down and restarts.)
/// </summary>
public static class FleetDataProtection
{
    private const string ApplicationName = "McpClientGen.Fleet";

    /// <summary>Configures Data Protection to use the fleet's key ring in <paramref name="keyDirectory"/>.</summary>
    /// <param name="services">The worker's services.</param>
    /// <param name="keyDirectory">The directory of the key ring.</param>
    public static void Add(IServiceCollection services, string keyDirectory) =>
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(keyDirectory));

    /// <summary>
    /// Creates the key ring in <paramref name="keyDirectory"/> before any worker starts. Workers that started together
    /// on an empty directory would each create a key of their own, and for a while read only their own entries.
    /// </summary>
    /// <param name="keyDirectory">An empty directory for the key ring.</param>
    public static void CreateKeyRing(string keyDirectory)
    {
        var services = new ServiceCollection();
        Add(services, keyDirectory);
        using var provider = services.BuildServiceProvider();
        // The first protection creates the default key and writes it to the directory.
        _ = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector(ApplicationName).Protect([0]);
    }
}
