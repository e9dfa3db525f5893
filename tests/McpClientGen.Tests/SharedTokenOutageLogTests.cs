using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests;
using McpClientGen.Testing;
using McpClientGen.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace McpClientGen.Tests;

/// <summary>
/// What an operator reads while the fleet's store is down: one warning for the outage however many acquisitions it
/// spans, one line when the store answers again, and nothing in either that a store's exception carried.
/// </summary>
public sealed class SharedTokenOutageLogTests
{
    private const int StoreUnavailable = 132;
    private const int StoreRecovered = 133;
    private const string StorePassword = "store-password-never-logged";

    [Fact]
    public async Task A_store_down_for_many_acquisitions_logs_one_warning_then_one_recovery_line_and_no_secret()
    {
        await using var stack = await DemoStack.StartAsync();
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace));
        var clock = new FakeClock();
        var behind = new InMemorySharedTokenStore(clock);
        var store = new InterposingSharedTokenStore(behind)
        {
            Before = static (operation, _, _) => throw new InvalidOperationException($"{operation}: redis.internal:6380,password={StorePassword}"),
        };
        using var engine = new TokenEngine(stack.ClientOptions(), clock, store, loggerFactory);
        var tokens = new List<AccessToken>();

        // Ten acquisitions while the store is down: each ends a token's life, by expiry (the break is over by then, so
        // the store is tried again and fails again) or by a 401 (within the break, so the store is left alone).
        for (var acquisition = 0; acquisition < 10; acquisition++)
        {
            var token = await engine.TokenAsync();
            tokens.Add(token);
            if (acquisition % 2 == 0)
            {
                engine.ExpireTokens();
            }
            else
            {
                engine.Provider.Invalidate(token);
            }
        }

        Assert.Equal(10, stack.TokenRequestCount);
        Assert.Single(logs.GetSnapshot(), record => record.Id.Id == StoreUnavailable);
        Assert.DoesNotContain(logs.GetSnapshot(), record => record.Id.Id == StoreRecovered);

        // The store answers again: the next acquisition shares its token, and says so once.
        store.Before = static (_, _, _) => Task.CompletedTask;
        engine.ExpireTokens();
        var shared = await engine.TokenAsync();
        tokens.Add(shared);
        Assert.Equal(shared.Value, Assert.Single(behind.Writes).Entry.Value);

        var records = logs.GetSnapshot();
        Assert.Equal([StoreUnavailable, StoreRecovered], records.Where(record => record.Id.Id is StoreUnavailable or StoreRecovered).Select(record => record.Id.Id));
        Assert.Equal(LogLevel.Warning, records.Single(record => record.Id.Id == StoreUnavailable).Level);
        var secrets = new SecretForms().AddClientSecret(stack.ClientId, stack.ClientSecret).AddSecret("store password", StorePassword);
        foreach (var token in tokens)
        {
            secrets.AddToken("access token", token.Value);
        }

        Assert.Empty(secrets.FindIn(records.Select(record => ($"log event {record.Id.Id}", record.Message + record.Exception))));
    }
}
