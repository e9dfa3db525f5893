using Microsoft.Extensions.Logging;
using McpClientGen.DemoServer;

namespace McpClientGen.IntegrationTests;

/// <summary>Mutual TLS (RFC 8705) against the demo stack's OpenIddict and MCP server over HTTPS.</summary>
public sealed class MutualTlsEndToEndTests
{
    [Fact]
    public async Task Smoke()
    {
        await using var stack = await DemoStack.StartAsync(new DemoStackOptions { MutualTls = true, ConfigureLogging = l => l.AddSimpleConsole().SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Information) });
        var options = stack.MutualTlsOptions(stack.MutualTls!.SelfSigned);
        await using var client = DemoClient.Create(options);

        Assert.Equal("Oslo", (await client.GetWeatherAsync("Oslo")).City);
        var request = Assert.Single(stack.TokenRequests);
        Assert.Equal("self_signed_tls_client_auth", request.AuthenticationMethod);
        Assert.All(stack.CertificateChecks, check => Assert.True(check.Accepted));
    }
}
