namespace McpClientGen.Fleet;

/// <summary>
/// Runs each shared-store operation once on a key of this process's own, before the worker reports ready. The engine
/// gives every store call SharedTokenStoreTimeout (100 ms by default) before it falls back to a token of the process's own; a process's very first call also
/// pays for compiling the Redis and Data Protection code and loading the key ring, which on a busy machine can take
/// longer. A service warms up the same way before it takes traffic.
/// </summary>
internal static class StoreWarmUp
{
    public static async Task RunAsync(IMcpSharedTokenStore store)
    {
        var key = new SharedTokenKey($"fleet-warm-up-{Environment.ProcessId}");
        var now = DateTimeOffset.UtcNow;
        var entry = new SharedTokenEntry("not-a-token", "warm-up", now, now.AddMinutes(1), string.Empty, certificateThumbprint: null);
        await store.SetAsync(key, entry, TimeSpan.FromMinutes(1), CancellationToken.None);
        _ = await store.GetAsync(key, CancellationToken.None);
        if (await store.TryAcquireLeaseAsync(key, TimeSpan.FromMinutes(1), CancellationToken.None) is { } lease)
        {
            await lease.DisposeAsync();
        }

        await store.RemoveIfAsync(key, entry.ValueHash, CancellationToken.None);
    }
}
