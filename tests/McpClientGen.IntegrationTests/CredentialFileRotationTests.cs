using McpClientGen.DemoServer;
using McpClientGen.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// A client registered from configuration whose secret is a mounted file (<c>ClientSecretFile</c>), against the real
/// demo stack: when the platform swaps the file's content, as a Kubernetes secret volume update does, the next token
/// request sends the new secret, with no configuration reload and no restart.
/// </summary>
public sealed class CredentialFileRotationTests
{
    [Fact]
    public async Task A_secret_volume_update_reaches_the_next_token_request_without_a_reload_or_a_restart()
    {
        await using var stack = await DemoStack.StartAsync();
        using var secret = new MountedSecret("the-old-secret-that-was-revoked\n", layout: MountedSecret.Layout.Kubernetes);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Endpoint"] = stack.McpEndpoint.AbsoluteUri,
            ["ClientId"] = stack.ClientId,
            ["ClientSecretFile"] = secret.Path,
            ["ClientAuthentication"] = "ClientSecretBasic",
            ["AuthorizationServer"] = stack.Issuer.AbsoluteUri,
        }).Build();
        var services = new ServiceCollection();
        services.AddMcpClient<IDemoClient, DemoClient>(configuration);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IDemoClient>();
        var refused = await Assert.ThrowsAsync<McpAuthenticationException>(() => client.GetWeatherAsync("Oslo"));

        secret.Write(stack.ClientSecret + "\n");

        Assert.Equal("Oslo", (await client.GetWeatherAsync("Oslo")).City);
        Assert.Equal("invalid_client", refused.Error);
        Assert.Equal([false, true], stack.TokenRequests.Select(request => request.Succeeded));
    }
}
