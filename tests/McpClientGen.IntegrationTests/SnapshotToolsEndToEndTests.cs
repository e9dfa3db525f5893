using System.Text.Json;
using McpClientGen.DemoServer;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// Generated clients hand the snapshot's tools to the SDK, so it mirrors <c>x-mcp-header</c> parameters into
/// <c>Mcp-Param-*</c> headers without listing the tools first, and has no reason to warn on each call.
/// </summary>
public sealed class SnapshotToolsEndToEndTests
{
    [Fact]
    public async Task A_parameter_annotated_with_x_mcp_header_is_sent_as_its_header()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        // The server rejects find_office unless Mcp-Param-Region matches the region argument.
        var office = await client.FindOfficeAsync("apac");

        Assert.Equal("Singapore", Assert.IsType<TextContentBlock>(Assert.Single(office.Content)).Text);
    }

    [Fact]
    public async Task Without_the_snapshot_tools_the_server_rejects_the_call_for_its_missing_header()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var connection = McpConnection.Create(stack.ClientOptions());
        using var arguments = JsonDocument.Parse("""{"region":"apac"}""");

        var request = new CallToolRequestParams
        {
            Name = "find_office",
            Arguments = new Dictionary<string, JsonElement> { ["region"] = arguments.RootElement.GetProperty("region").Clone() },
        };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.CallToolAsync(request));
        Assert.Contains("Mcp-Param-Region", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_through_a_generated_client_log_no_warnings()
    {
        await using var stack = await DemoStack.StartAsync();
        var log = new WarningLog();
        await using var client = DemoClient.Create(stack.ClientOptions(), loggerFactory: log);

        await client.GetWeatherAsync("Oslo");
        await client.FindOfficeAsync("eu");
        await client.GetWeatherAsync("Oslo");

        Assert.Empty(log.Entries);
    }

    /// <summary>Keeps every log entry at Warning or above.</summary>
    private sealed class WarningLog : ILoggerFactory, ILogger
    {
        private readonly List<string> _entries = [];

        public IReadOnlyList<string> Entries
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries];
                }
            }
        }

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => this;

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lock (_entries)
                {
                    _entries.Add($"{logLevel} {eventId.Name}: {formatter(state, exception)}");
                }
            }
        }
    }
}
