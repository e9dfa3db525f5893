using Microsoft.Extensions.Configuration;

namespace McpClientGen.Tests;

/// <summary>The input-request handlers on <see cref="McpConnectionOptions"/>: roots from configuration, and their rules.</summary>
public sealed class InputHandlerOptionsTests
{
    [Fact]
    public void Roots_bind_from_configuration_in_order()
    {
        var options = McpConnectionOptions.FromConfiguration(Configuration(
            ("Roots:0:Uri", "file:///srv/reports"), ("Roots:0:Name", "Reports"), ("Roots:1:Uri", "file:///srv/archive")));

        Assert.Equal([new McpRoot("file:///srv/reports", "Reports"), new McpRoot("file:///srv/archive")], options.Roots!);
    }

    [Fact]
    public void Without_roots_in_configuration_none_are_declared()
    {
        var options = McpConnectionOptions.FromConfiguration(Configuration(("Endpoint", "https://mcp.example.com/mcp")));

        Assert.Null(options.Roots);
    }

    [Fact]
    public void A_root_without_a_uri_is_named_by_its_configuration_path()
    {
        var error = Assert.Throws<InvalidOperationException>(() => McpConnectionOptions.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection([new("Mcp:Crm:Roots:0:Name", "Reports")]).Build().GetSection("Mcp:Crm")));

        Assert.Equal("Invalid McpConnectionOptions: the configuration entry 'Mcp:Crm:Roots:0' has no Uri.", error.Message);
    }

    [Fact]
    public void Roots_come_from_a_list_or_a_provider_not_both()
    {
        var options = new McpConnectionOptions
        {
            Endpoint = new Uri("https://mcp.example.com/mcp"),
            ClientId = "svc",
            ClientSecret = "s3cret",
            Roots = [new McpRoot("file:///a")],
            RootsProvider = _ => ValueTask.FromResult<IReadOnlyList<McpRoot>>([]),
        };

        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(options));
        var unauthenticated = Assert.Throws<InvalidOperationException>(() => McpConnection.CreateUnauthenticated(options));

        Assert.Equal("Invalid McpConnectionOptions: set either Roots or RootsProvider, not both.", error.Message);
        Assert.Equal(error.Message, unauthenticated.Message);
    }

    [Fact]
    public void A_root_uri_must_be_absolute_and_the_error_names_its_key()
    {
        var options = Valid();
        options.Roots = [new McpRoot("file:///srv/reports"), new McpRoot("srv/archive")];

        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(options));

        Assert.Equal("Invalid McpConnectionOptions: Roots:1:Uri must be an absolute URI, such as file:///srv/reports.", error.Message);
    }

    [Fact]
    public void A_single_value_for_the_roots_is_an_error_naming_its_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => McpConnectionOptions.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection([new("Mcp:Crm:Roots", "file:///srv/reports")]).Build().GetSection("Mcp:Crm")));

        Assert.StartsWith("Invalid McpConnectionOptions: the configuration entry 'Mcp:Crm:Roots' must be a list of roots", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_keeps_the_roots_it_was_created_with()
    {
        var options = new McpConnectionOptions { Roots = [new McpRoot("file:///a")] };

        var copy = options.Snapshot();
        options.Roots.Add(new McpRoot("file:///b"));

        Assert.Equal([new McpRoot("file:///a")], copy.Roots!);
    }

    private static McpConnectionOptions Valid() => new()
    {
        Endpoint = new Uri("https://mcp.example.com/mcp"),
        ClientId = "svc",
        ClientSecret = "s3cret",
        AuthorizationServer = new Uri("https://login.example.com/"),
    };

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>(value.Key, value.Value))).Build();
}
