using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace McpClientGen.Fleet;

/// <summary>
/// One process of the fleet: a service with a generated MCP client whose tokens are shared through Redis. Its settings
/// come from the environment (<see cref="FleetTarget"/>); commands from standard input (<see cref="WorkerCommands"/>);
/// it answers with JSON lines on standard output (<see cref="WorkerMessage"/>) and logs warnings to standard error.
/// </summary>
internal static class FleetWorker
{
    public static async Task<int> RunAsync(WorkerLoad load)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        using var telemetry = new TelemetryCounters();

        // The app's own multiplexer, as a service that already uses Redis has (Aspire registers one the same way);
        // Redis being down at start must not stop the service, only its token sharing.
        var redisOptions = ConfigurationOptions.Parse(Required(configuration, FleetTarget.RedisKey));
        redisOptions.AbortOnConnectFail = false;
        using var redis = await ConnectionMultiplexer.ConnectAsync(redisOptions);

        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddSingleton<IConnectionMultiplexer>(redis);
        FleetDataProtection.Add(services, Required(configuration, FleetTarget.KeyDirectoryKey));
        services.AddMcpRedisTokenStore();
        services.AddMcpClient<IFleetClient, FleetClient>(configuration.GetSection(FleetTarget.McpSection));

        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IFleetClient>();
        await StoreWarmUp.RunAsync(provider.GetRequiredService<IMcpSharedTokenStore>());

        var pool = new CallerPool(client, load, Write);
        using var stop = new CancellationTokenSource();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commands = ReadCommandsAsync(go, pool, stop);
        Write(new WorkerMessage(WorkerEvents.Ready, Environment.ProcessId));

        await Task.WhenAny(go.Task, commands);
        var report = await pool.RunAsync(telemetry, stop.Token);
        Write(new WorkerMessage(WorkerEvents.Result, Environment.ProcessId, report.Calls, report));
        return report.FailedCalls == 0 ? 0 : 1;
    }

    /// <summary>Follows the coordinator's commands until stop or the end of the input, which also stop the callers.</summary>
    private static Task ReadCommandsAsync(TaskCompletionSource go, CallerPool pool, CancellationTokenSource stop) => Task.Run(async () =>
    {
        while (await Console.In.ReadLineAsync() is { } line)
        {
            switch (line.Trim())
            {
                case WorkerCommands.Go:
                    go.TrySetResult();
                    break;
                case WorkerCommands.Checkpoint:
                    pool.RequestCheckpoint();
                    break;
                case WorkerCommands.Stop:
                    await stop.CancelAsync();
                    return;
            }
        }

        await stop.CancelAsync();
    });

    private static void Write(WorkerMessage message) =>
        Console.Out.WriteLine(JsonSerializer.Serialize(message, WorkerJson.Default.WorkerMessage));

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The worker needs the setting {key} (environment variable {key.Replace(":", "__", StringComparison.Ordinal)}).");
}
