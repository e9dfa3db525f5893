using McpClientGen.DemoServer;

namespace McpClientGen.Cli.Tests.Support;

/// <summary>One demo stack for the tests of a class: none of them changes its state.</summary>
public sealed class DemoStackFixture : IAsyncLifetime
{
    private DemoStack? _stack;

    public DemoStack Stack => _stack ?? throw new InvalidOperationException("The stack has not started.");

    public string Endpoint => Stack.McpEndpoint.AbsoluteUri;

    /// <summary>The demo authorization server's issuer, for <c>--authorization-server</c>: the credentials belong to it.</summary>
    public string Issuer => Stack.Issuer.AbsoluteUri;

    /// <summary>The environment of a run that authenticates with the demo client's secret from the default variable.</summary>
    public IReadOnlyDictionary<string, string?> SecretEnvironment =>
        new Dictionary<string, string?> { ["MCPGEN_CLIENT_SECRET"] = Stack.ClientSecret };

    public async Task InitializeAsync() => _stack = await DemoStack.StartAsync();

    public async Task DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }
}
