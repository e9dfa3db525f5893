namespace McpClientGen;

/// <summary>The token store a fleet of processes shares.</summary>
public sealed partial class McpConnectionOptions
{
    /// <summary>
    /// The token store the processes of a fleet share behind their own token caches, so the fleet requests one token where
    /// each process would request its own (for Redis, <c>McpClientGen.Redis</c>). Default: none, and tokens stay in this
    /// process. Set in code; with dependency injection, an <see cref="IMcpSharedTokenStore"/> registered in the container
    /// is used when this is not set. A store that fails or is slow never fails a call: tokens are then requested per process.
    /// </summary>
    public IMcpSharedTokenStore? SharedTokenStore { get; set; }
}
