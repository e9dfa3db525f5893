using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests.Stdio;

/// <summary>
/// <c>AddMcpStdioClient</c>: the generated client from the container over a stdio server bound from configuration, whose
/// process ends with the container, and options checked at start-up and in <see cref="McpConnection.CreateStdio"/>.
/// </summary>
public sealed class StdioRegistrationTests
{
    [Fact]
    public async Task A_client_registered_from_configuration_calls_its_server_and_the_container_ends_the_process()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mcp:Local:Command"] = StdioTestServer.Dotnet,
            ["Mcp:Local:Arguments:0"] = StdioTestServer.Assembly,
            ["Mcp:Local:EnvironmentVariables:MCPGEN_TEST_REGION"] = "eu-north",
            ["Mcp:Local:ShutdownTimeout"] = "2",
        }).Build();
        var services = new ServiceCollection();
        services.AddMcpStdioClient<IStdioTestClient, StdioTestClient>(configuration.GetSection("Mcp:Local"));
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var client = provider.GetRequiredService<IStdioTestClient>();
        Assert.Same(provider.GetRequiredService<StdioTestClient>(), client);
        Assert.Equal("eu eu", Text(await client.EchoAsync("eu", repeat: 2)));
        Assert.Equal(TimeSpan.FromSeconds(2), provider.GetRequiredService<IOptionsMonitor<McpStdioServerOptions>>().Get(typeof(StdioTestClient).FullName).ShutdownTimeout);
        var processId = int.Parse(Text(await client.WriteStderrAsync("registered")), System.Globalization.CultureInfo.InvariantCulture);

        await provider.DisposeAsync();

        Assert.False(StdioClientTests.IsRunning(processId), $"The server process {processId} still runs after the container was disposed.");
    }

    [Fact]
    public void A_registration_without_a_command_fails_start_up_validation_naming_the_client_and_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mcp:Local:Arguments:0"] = "server.dll",
        }).Build();
        var services = new ServiceCollection();
        services.AddMcpStdioClient<IStdioTestClient, StdioTestClient>(configuration.GetSection("Mcp:Local"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            $"MCP client '{typeof(StdioTestClient).FullName}' (read from the configuration section 'Mcp:Local'): " +
            "Invalid McpStdioServerOptions: set Command to the program that starts the server (for example 'dotnet' or 'npx').",
            error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_command_is_refused_when_the_connection_is_created(string? command)
    {
        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.CreateStdio(new McpStdioServerOptions { Command = command }));

        Assert.Equal("Invalid McpStdioServerOptions: set Command to the program that starts the server (for example 'dotnet' or 'npx').", error.Message);
    }

    [Fact]
    public void A_bad_environment_variable_name_is_named_but_its_value_is_not()
    {
        var options = new McpStdioServerOptions { Command = "dotnet" };
        options.EnvironmentVariables["API=KEY"] = "value-that-must-not-be-shown";

        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.CreateStdio(options));

        Assert.Equal("Invalid McpStdioServerOptions: the environment variable name 'API=KEY' is empty or holds '='.", error.Message);
    }

    [Fact]
    public void A_working_directory_that_does_not_exist_and_a_timeout_that_is_not_positive_are_refused()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"mcpgen-missing-{Guid.NewGuid():N}");

        var directory = Assert.Throws<InvalidOperationException>(() => McpConnection.CreateStdio(new McpStdioServerOptions { Command = "dotnet", WorkingDirectory = missing }));
        var timeout = Assert.Throws<InvalidOperationException>(() => McpConnection.CreateStdio(new McpStdioServerOptions { Command = "dotnet", ShutdownTimeout = TimeSpan.Zero }));
        var tooLong = Assert.Throws<InvalidOperationException>(() => McpConnection.CreateStdio(
            new McpStdioServerOptions { Command = "dotnet", ShutdownTimeout = TimeSpan.FromMilliseconds(int.MaxValue) + TimeSpan.FromMilliseconds(1) }));

        Assert.Equal($"Invalid McpStdioServerOptions: the WorkingDirectory '{missing}' does not exist.", directory.Message);
        Assert.Equal("Invalid McpStdioServerOptions: ShutdownTimeout must be positive and at most int.MaxValue milliseconds.", timeout.Message);
        Assert.Equal(timeout.Message, tooLong.Message);
    }

    [Fact]
    public async Task Options_changed_after_the_connection_was_created_do_not_reach_it()
    {
        var options = StdioTestServer.Options();
        await using var connection = McpConnection.CreateStdio(options);

        options.Command = "mcpgen-no-such-server-command";
        options.Arguments.Clear();

        Assert.Equal("hi", Text(await new StdioTestClient(connection).EchoAsync("hi")));
    }

    [Theory]
    [InlineData("dotnet", "stdio:dotnet")]
    [InlineData("/usr/local/bin/my server", "stdio:/usr/local/bin/my%20server")]
    [InlineData(@"C:\Tools\server.exe", "stdio:C%3A/Tools/server.exe")]
    public async Task The_endpoint_of_a_stdio_connection_names_the_command_without_its_arguments(string command, string endpoint)
    {
        await using var connection = McpConnection.CreateStdio(new McpStdioServerOptions { Command = command, Arguments = ["--token", "not-in-the-endpoint"] });

        Assert.Equal(endpoint, connection.Endpoint.AbsoluteUri);
    }

    // A bad value is named by its key, never shown: a value may be a secret.
    [Theory]
    [InlineData("ShutdownTimeout", "soon-ish", "the configuration value of 'Mcp:Local:ShutdownTimeout' is not a valid TimeSpan.")]
    [InlineData("Arguments:1:Name", "--port", "the configuration key 'Mcp:Local:Arguments:1' is a section, not an argument's value.")]
    public void A_configuration_value_that_cannot_be_bound_is_refused_naming_the_key_but_not_the_value(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mcp:Local:Command"] = "dotnet",
            ["Mcp:Local:Arguments:0"] = "server.dll",
            [$"Mcp:Local:{key}"] = value,
        }).Build();
        var services = new ServiceCollection();
        services.AddMcpStdioClient<IStdioTestClient, StdioTestClient>(configuration.GetSection("Mcp:Local"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptionsMonitor<McpStdioServerOptions>>().Get(typeof(StdioTestClient).FullName));

        Assert.Equal($"Invalid McpStdioServerOptions: {expected}", error.Message);
    }

    [Fact]
    public void Registering_a_client_twice_adds_its_validator_once()
    {
        var services = new ServiceCollection();
        services.AddMcpStdioClient<IStdioTestClient, StdioTestClient>(options => options.Command = "dotnet");
        services.AddMcpStdioClient<IStdioTestClient, StdioTestClient>(options => options.Command = "dotnet");
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IValidateOptions<McpStdioServerOptions>>());
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
