using McpClientGen.DemoServer;
using Microsoft.Extensions.Logging;

namespace McpClientGen.Tests;

/// <summary>
/// Secrets, private keys, client assertions and access tokens never reach logs, exception messages or
/// <c>ToString()</c>. Every log line of whole flows — succeeding and failing, at Trace level, from every category
/// (the MCP SDK's included) — is searched for them.
/// </summary>
public sealed class SecretHygieneTests
{
    [Fact]
    public async Task Flows_with_a_client_secret_leak_nothing()
    {
        await using var stack = await DemoStack.StartAsync();
        var log = new CapturingLoggerFactory();
        var options = Options(stack);

        await using (var connection = McpConnection.Create(options, loggerFactory: log))
        {
            await connection.ListToolsAsync();
            stack.RevokeIssuedTokens();
            await connection.ListToolsAsync();
        }

        options.ClientSecret = "wrong-" + stack.ClientSecret;
        var error = await FailAsync(options, log);

        AssertNothingLeaked(log, error, stack.ClientSecret, options.ClientSecret);
        Assert.Contains(log.Lines, line => line.Contains("received", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Flows_with_a_private_key_leak_nothing()
    {
        await using var stack = await DemoStack.StartAsync();
        var log = new CapturingLoggerFactory();
        var client = stack.JwtClients.Es256;
        var options = new McpConnectionOptions { Endpoint = stack.McpEndpoint, ClientId = client.ClientId, PrivateKey = client.PrivateKeyPem };

        await using (var connection = McpConnection.Create(options, loggerFactory: log))
        {
            await connection.ListToolsAsync();
        }

        // A key the server does not know for this client: the assertion is refused.
        options.PrivateKey = stack.JwtClients.Rs256.PrivateKeyPem;
        var error = await FailAsync(options, log);

        AssertNothingLeaked(log, error, KeyMaterial(client.PrivateKeyPem).Concat(KeyMaterial(options.PrivateKey)).ToArray());
    }

    [Fact]
    public void Options_never_show_their_secrets()
    {
        var options = new McpConnectionOptions
        {
            ClientSecret = "secret-value-1b7e",
            PrivateKey = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49\n-----END PRIVATE KEY-----",
            PrivateKeyPassword = "password-value-93c1",
        };

        var text = options.ToString();

        Assert.DoesNotContain("secret-value-1b7e", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MIGHAgEA", text, StringComparison.Ordinal);
        Assert.DoesNotContain("password-value-93c1", text, StringComparison.Ordinal);
    }

    private static async Task<Exception> FailAsync(McpConnectionOptions options, ILoggerFactory log)
    {
        await using var connection = McpConnection.Create(options, loggerFactory: log);
        return await Assert.ThrowsAsync<McpAuthenticationException>(() => connection.ListToolsAsync());
    }

    /// <summary>
    /// Access tokens and assertions are JWTs, whose first segment always starts <c>eyJ</c> (base64url of <c>{"</c>),
    /// so searching for it finds any token or assertion without having to capture each one.
    /// </summary>
    private static void AssertNothingLeaked(CapturingLoggerFactory log, Exception error, params string[] secrets)
    {
        Assert.NotEmpty(log.Lines);
        var everything = log.Lines.Append(error.ToString()).ToList();
        foreach (var text in everything)
        {
            Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The base64 lines of a PEM key: any of them in a log would be a leak.</summary>
    private static IEnumerable<string> KeyMaterial(string pem) =>
        pem.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith("-----", StringComparison.Ordinal));

    private static McpConnectionOptions Options(DemoStack stack) => new()
    {
        Endpoint = stack.McpEndpoint,
        ClientId = stack.ClientId,
        ClientSecret = stack.ClientSecret,
    };

    /// <summary>Keeps every log line of every category, at every level, with its exception.</summary>
    private sealed class CapturingLoggerFactory : ILoggerFactory, ILogger
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {eventId}: {formatter(state, exception)} {exception} {state}";
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }
}
