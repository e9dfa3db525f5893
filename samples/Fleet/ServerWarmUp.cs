using McpClientGen.DemoServer;

namespace McpClientGen.Fleet;

/// <summary>
/// Readies the process that hosts the fleet's servers before the workers start, so they meet running servers rather
/// than ones compiling their first answers while the whole fleet calls at once.
/// </summary>
public static class ServerWarmUp
{
    /// <summary>
    /// Raises the thread pool's minimum and has the demo stack serve the metadata a worker's discovery reads and one
    /// token request of another client (<see cref="DemoStack.PostOnlyClientId"/>), so the fleet client's count starts at 0.
    /// </summary>
    /// <param name="stack">The demo stack in this process.</param>
    public static async Task RunAsync(DemoStack stack)
    {
        // This process serves OpenIddict, the MCP server and Garnet to several processes at once; a thread pool that
        // grows one thread at a time would leave Garnet's replies, which the engine gives SharedTokenStoreTimeout, queued behind the
        // servers' cold-start work.
        ThreadPool.GetMinThreads(out var workerThreads, out var completionPortThreads);
        ThreadPool.SetMinThreads(Math.Max(workerThreads, 32), Math.Max(completionPortThreads, 32));

        using var http = new HttpClient();
        (await http.GetAsync(stack.ResourceMetadataUrl)).EnsureSuccessStatusCode();
        (await http.GetAsync(new Uri(stack.Issuer, ".well-known/oauth-authorization-server"))).EnsureSuccessStatusCode();
        using var tokenRequest = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = stack.PostOnlyClientId,
            ["client_secret"] = stack.PostOnlyClientSecret,
        });
        (await http.PostAsync(stack.TokenEndpoint, tokenRequest)).EnsureSuccessStatusCode();
    }
}
