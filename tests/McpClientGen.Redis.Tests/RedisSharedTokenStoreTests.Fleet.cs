using McpClientGen.DemoServer;
using McpClientGen.Redis.Tests.Support;
using McpClientGen.Testing;
using McpClientGen.Tests.Support;

namespace McpClientGen.Redis.Tests;

/// <summary>Engines sharing the store: each <see cref="FleetProcess"/> stands for one process of a fleet.</summary>
public sealed partial class RedisSharedTokenStoreTests
{
    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task Two_processes_with_200_concurrent_first_callers_each_make_one_token_request_in_all(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        await using var stack = await DemoStack.StartAsync();
        await using var first = new FleetProcess(bed, FleetProcess.DemoClient(stack));
        await using var second = new FleetProcess(bed, FleetProcess.DemoClient(stack));

        var calls = Enumerable.Range(0, 400).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).CallAsync()));
        await Task.WhenAll(calls).WaitAsync(Bounded.Limit);

        Assert.Equal(1, stack.TokenRequestCount);
        Assert.Single(await bed.EntryKeysAsync());
        Assert.Empty(await LeaseKeysAsync(bed));
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_token_revoked_at_the_server_is_replaced_once_for_the_fleet(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        await using var stack = await DemoStack.StartAsync();
        await using var first = new FleetProcess(bed, FleetProcess.DemoClient(stack));
        await using var second = new FleetProcess(bed, FleetProcess.DemoClient(stack));
        await first.CallAsync();
        await second.CallAsync();
        var entry = Assert.Single(await bed.EntryKeysAsync());
        var revoked = await bed.Database.StringGetAsync(entry);

        // Both processes get a 401 for the shared token: the first removes it and shares a new one, which the second's
        // removal (of the revoked token only) leaves alone and takes.
        stack.RevokeIssuedTokens();
        await first.CallAsync();
        await second.CallAsync();

        Assert.Equal(2, stack.TokenRequestCount);
        Assert.Equal(2, stack.Mcp401Count);
        Assert.NotEqual(revoked, await bed.Database.StringGetAsync(entry));
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task Clients_and_scope_sets_get_entries_of_their_own_and_no_key_or_value_shows_a_token_or_secret(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        await using var stack = await DemoStack.StartAsync();
        Func<McpConnectionOptions>[] clients =
        [
            () => FleetProcess.DemoClient(stack, "demo.read"),
            () => FleetProcess.DemoClient(stack, "demo.read demo.write"),
            () => PostOnlyClient(stack, "demo.read"),
        ];

        // Each client in two processes: the second takes the first one's token, never another client's.
        foreach (var client in clients)
        {
            await using var first = new FleetProcess(bed, client());
            await using var second = new FleetProcess(bed, client());
            await first.CallAsync();
            await second.CallAsync();
        }

        Assert.Equal(3, stack.TokenRequestCount);
        Assert.Equal(2, stack.TokenRequestCountFor(stack.ClientId));
        var entries = await bed.EntryKeysAsync();
        Assert.Equal(3, entries.Count);

        var secrets = new SecretForms()
            .AddClientSecret(stack.ClientId, stack.ClientSecret)
            .AddClientSecret(stack.PostOnlyClientId, stack.PostOnlyClientSecret);
        await using var reader = bed.NewStore();
        foreach (var entry in entries)
        {
            var token = await reader.GetAsync(new SharedTokenKey(((string)entry!)["mcpgen:tok:".Length..]), CancellationToken.None);
            secrets.AddToken("access token", Assert.IsType<SharedTokenEntry>(token).Value);
        }

        var dump = await bed.DumpAsync();
        Assert.Equal(3, dump.Count);
        Assert.Empty(secrets.FindIn(dump.Select(item => ("a key", item.Key))));

        // Values are ciphertext, whose bytes may spell "eyJ" by chance: there every token is searched for whole, JSON-escaped
        // and by each of its segments, and the client secrets in all their forms.
        Assert.DoesNotContain(
            secrets.FindIn(dump.Select(item => ($"the value of {item.Key}", item.Value))),
            finding => !finding.StartsWith("something that starts like a JWT", StringComparison.Ordinal));
    }

    private static McpConnectionOptions PostOnlyClient(DemoStack stack, string scopes)
    {
        var options = FleetProcess.DemoClient(stack, scopes);
        options.ClientId = stack.PostOnlyClientId;
        options.ClientSecret = stack.PostOnlyClientSecret;
        options.ClientAuthentication = ClientAuthenticationMethod.ClientSecretPost;
        return options;
    }

    private static async Task<IReadOnlyList<string>> LeaseKeysAsync(RedisTestBed bed) =>
        [.. (await bed.DumpAsync()).Select(item => item.Key).Where(key => key.StartsWith("mcpgen:lease:", StringComparison.Ordinal))];
}
