namespace McpClientGen;

/// <summary>The token store a fleet of processes shares.</summary>
public sealed partial class McpConnectionOptions
{
    /// <summary>
    /// The token store the processes of a fleet share behind their own token caches, so the fleet requests one token where
    /// each process would request its own (for Redis, <c>McpClientGen.Redis</c>). Default: none, and tokens stay in this
    /// process. Set in code; with dependency injection, an <see cref="IMcpSharedTokenStore"/> registered in the container
    /// is used when this is not set. A store that fails or is slow never fails a call: tokens are then requested per process.
    /// A JWT-bearer (workload identity) client without a <see cref="ClientId"/> does not share its tokens: nothing but its
    /// rotating platform token says whose they are.
    /// </summary>
    public IMcpSharedTokenStore? SharedTokenStore { get; set; }

    /// <summary>
    /// The most one call to <see cref="SharedTokenStore"/> may take before the engine goes on without it (and leaves the
    /// store alone for 5 seconds). Default 100 milliseconds: a store on the same network answers in about one. Raise it
    /// for a store far away; a waiting process waits for the lease holder's token on top of this.
    /// </summary>
    public TimeSpan SharedTokenStoreTimeout { get; set; } = DefaultSharedTokenStoreTimeout;

    /// <summary>The default of <see cref="SharedTokenStoreTimeout"/>.</summary>
    internal static TimeSpan DefaultSharedTokenStoreTimeout { get; } = TimeSpan.FromMilliseconds(100);
}
