using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests;

namespace McpClientGen.Tests.Support;

/// <summary>What a process of the demo stack's client stores in a shared token store, learned from one that did.</summary>
internal static class DemoStackSharedEntry
{
    /// <summary>The key the demo stack's client stores its token under, and an entry as it writes one.</summary>
    public static async Task<(SharedTokenKey Key, SharedTokenEntry Entry)> StoredEntryAsync(this DemoStack stack)
    {
        var scratch = new InMemorySharedTokenStore();
        using var engine = new TokenEngine(stack.ClientOptions(), new FakeClock(), scratch);
        await engine.TokenAsync();
        return Assert.Single(scratch.Writes);
    }
}
