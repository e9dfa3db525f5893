using System.Diagnostics;
using System.Globalization;

namespace McpClientGen.Testing.Redis;

/// <summary>
/// A <c>redis-server</c> from PATH, started on a free loopback port with persistence off (no RDB, no AOF), and killed
/// on dispose. <see cref="IsAvailable"/> says whether there is one to start; tests run against it only then.
/// </summary>
public sealed class RedisServerHost : IRedisTestServer
{
    private static readonly Lazy<string?> Executable = new(FindOnPath);

    private readonly object _gate = new();
    private Process? _process;

    private RedisServerHost(int port) => Port = port;

    /// <summary>Whether <c>redis-server</c> is on PATH.</summary>
    public static bool IsAvailable => Executable.Value is not null;

    /// <summary>The loopback port it listens on, the same after a restart.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts a server on a free loopback port.</summary>
    /// <exception cref="InvalidOperationException"><c>redis-server</c> is not on PATH, or did not start listening.</exception>
    public static async Task<RedisServerHost> StartNewAsync()
    {
        var host = new RedisServerHost(FreeLoopbackPort.Take());
        await host.StartAsync();
        return host;
    }

    /// <summary>Starts it again on its port, empty; does nothing while it runs.</summary>
    public async Task StartAsync()
    {
        var executable = Executable.Value ?? throw new InvalidOperationException("redis-server is not on PATH.");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_process is not null)
            {
                return;
            }

            var start = new ProcessStartInfo(executable)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            {
                start.ArgumentList.Add(argument);
            }

            _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");

            // It says when it listens; its other output is read only so that a full pipe never blocks it.
            _process.OutputDataReceived += (_, line) =>
            {
                if (line.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
                {
                    ready.TrySetResult();
                }
            };
            _process.ErrorDataReceived += static (_, _) => { };
            _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("redis-server exited before it listened."));
            _process.EnableRaisingEvents = true;
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        // Bounded: a server that never listens fails the test rather than hanging it.
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Stops it: connections are dropped and what it held is gone.</summary>
    public async Task StopAsync()
    {
        Process? process;
        lock (_gate)
        {
            process = _process;
            _process = null;
        }

        if (process is not null)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();


    private static string? FindOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);
}
