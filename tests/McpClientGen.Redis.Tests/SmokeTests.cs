using McpClientGen.Testing.Redis;
using Microsoft.AspNetCore.DataProtection;

namespace McpClientGen.Redis.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Round_trip()
    {
        await using var garnet = await GarnetHost.StartNewAsync();
        await using var store = RedisSharedTokenStore.Connect(garnet.ConnectionString, new EphemeralDataProtectionProvider());
        var key = new SharedTokenKey("k1");
        var entry = new SharedTokenEntry("tok", "https://as", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5), "a b", null);
        await store.SetAsync(key, entry, TimeSpan.FromMinutes(1), default);
        var back = await store.GetAsync(key, default);
        Assert.Equal("tok", back?.Value);
        await using var lease = await store.TryAcquireLeaseAsync(key, TimeSpan.FromSeconds(5), default);
        Assert.NotNull(lease);
        Assert.Null(await store.TryAcquireLeaseAsync(key, TimeSpan.FromSeconds(5), default));
        await store.RemoveIfAsync(key, entry.ValueHash, default);
        Assert.Null(await store.GetAsync(key, default));
    }
}
