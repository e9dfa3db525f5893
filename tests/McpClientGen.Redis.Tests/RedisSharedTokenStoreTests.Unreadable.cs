using McpClientGen.Redis.Tests.Support;
using McpClientGen.Testing;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace McpClientGen.Redis.Tests;

/// <summary>Values the store cannot use: which ones it removes so the fleet can share again, and which it must leave.</summary>
public sealed partial class RedisSharedTokenStoreTests
{
    /// <summary>The Redis store's own warning that this process cannot decrypt what the fleet writes.</summary>
    private const int CannotDecrypt = 161;

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task An_entry_this_process_cannot_decrypt_is_left_for_the_others_and_reported_once(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        var entryKey = (RedisKey)("mcpgen:tok:" + Key.Id);
        await using var fleet = bed.NewStore();
        var shared = Entry("token-of-the-fleet");
        await fleet.SetAsync(Key, shared, TimeSpan.FromMinutes(1), CancellationToken.None);

        // One misconfigured process: Data Protection keys of its own.
        using var logs = new CapturedLogs();
        await using var odd = bed.NewStore(dataProtection: new EphemeralDataProtectionProvider(), loggerFactory: logs.Factory);
        var first = await Assert.ThrowsAsync<InvalidDataException>(async () => await odd.GetAsync(Key, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidDataException>(async () => await odd.WaitForEntryAsync(Key, null, TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.DoesNotContain(shared.Value, first.Message, StringComparison.Ordinal);
        Assert.Equal(shared.Value, (await fleet.GetAsync(Key, CancellationToken.None))?.Value);
        var ttl = await bed.Database.KeyTimeToLiveAsync(entryKey);
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var warning = Assert.Single(logs.Records, record => record.Id.Id == CannotDecrypt);
        Assert.Contains("share Data Protection keys and the application name", warning.Message, StringComparison.Ordinal);
        Assert.Empty(logs.Leaks(new SecretForms().AddToken("access token", shared.Value)));
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_value_of_another_type_under_the_entry_key_is_removed_and_sharing_heals(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        var entryKey = (RedisKey)("mcpgen:tok:" + Key.Id);
        await using var store = bed.NewStore();
        await bed.Database.HashSetAsync(entryKey, "field", "a-secret-in-a-hash");

        var refused = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.GetAsync(Key, CancellationToken.None));

        Assert.DoesNotContain("secret", refused.Message, StringComparison.Ordinal);
        Assert.False(await bed.Database.KeyExistsAsync(entryKey));
        await store.SetAsync(Key, Entry("healed-token"), TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal("healed-token", (await store.GetAsync(Key, CancellationToken.None))?.Value);
    }
}
