using McpClientGen.DemoServer;
using McpClientGen.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// How a shared token store reaches the engine: from the container for <c>AddMcpClient</c> clients, from
/// <see cref="McpConnectionOptions.SharedTokenStore"/> in code (which wins over the container), and from the option for
/// <see cref="McpConnection.Create"/>. Each "process" is a service provider or connection of its own; the real
/// OpenIddict server counts the token requests.
/// </summary>
public sealed class SharedTokenStoreRegistrationTests
{
    [Fact]
    public async Task Clients_of_two_containers_that_register_the_same_store_make_one_token_request()
    {
        await using var stack = await DemoStack.StartAsync();
        var store = new InMemorySharedTokenStore();
        await using var first = Container(stack, store, optionStore: null);
        await using var second = Container(stack, store, optionStore: null);

        await first.GetRequiredService<IDemoClient>().GetWeatherAsync("Oslo");
        await second.GetRequiredService<IDemoClient>().GetWeatherAsync("Bergen");

        Assert.Equal(1, stack.TokenRequestCount);
        Assert.Single(store.Writes);
    }

    [Fact]
    public async Task A_store_set_on_the_options_in_code_wins_over_the_one_in_the_container()
    {
        await using var stack = await DemoStack.StartAsync();
        var registered = new InMemorySharedTokenStore();
        var inCode = new InMemorySharedTokenStore();
        await using var services = Container(stack, registered, optionStore: inCode);

        await services.GetRequiredService<IDemoClient>().GetWeatherAsync("Oslo");

        Assert.Single(inCode.Writes);
        Assert.Empty(registered.Reads);
        Assert.Empty(registered.Writes);
    }

    [Fact]
    public async Task Connections_created_with_the_same_store_on_their_options_make_one_token_request()
    {
        await using var stack = await DemoStack.StartAsync();
        var store = new InMemorySharedTokenStore();
        var options = stack.ClientOptions();
        options.SharedTokenStore = store;
        await using var first = McpConnection.Create(options);
        await using var second = McpConnection.Create(options);

        Assert.NotEmpty(await first.ListToolsAsync());
        Assert.NotEmpty(await second.ListToolsAsync());

        Assert.Equal(1, stack.TokenRequestCount);
        Assert.Single(store.Writes);
    }

    /// <summary>A container standing for one process: the demo client, and <paramref name="registered"/> as the container's store.</summary>
    private static ServiceProvider Container(DemoStack stack, IMcpSharedTokenStore registered, IMcpSharedTokenStore? optionStore)
    {
        var services = new ServiceCollection();
        services.AddSingleton(registered);
        services.AddMcpClient<IDemoClient, DemoClient>(options =>
        {
            options.Endpoint = stack.McpEndpoint;
            options.ClientId = stack.ClientId;
            options.ClientSecret = stack.ClientSecret;
            options.AuthorizationServer = stack.Issuer;
            options.SharedTokenStore = optionStore;
        });
        return services.BuildServiceProvider();
    }
}
