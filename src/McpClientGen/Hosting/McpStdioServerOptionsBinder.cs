using Microsoft.Extensions.Configuration;

namespace McpClientGen;

/// <summary>
/// Binds <see cref="McpStdioServerOptions"/> key by key (no reflection, so trimming and AOT keep working): <c>Command</c>,
/// <c>Arguments:0</c>, <c>Arguments:1</c>…, <c>EnvironmentVariables:NAME</c>, <c>InheritEnvironmentVariables</c>, <c>WorkingDirectory</c>, <c>ShutdownTimeout</c>
/// (seconds or a time span) and <c>ProtocolVersion</c>. A key that is not there leaves the option as it was.
/// </summary>
internal static class McpStdioServerOptionsBinder
{
    public static void Bind(IConfiguration section, McpStdioServerOptions options)
    {
        options.Command = section[nameof(options.Command)] ?? options.Command;
        options.WorkingDirectory = section[nameof(options.WorkingDirectory)] ?? options.WorkingDirectory;
        options.ProtocolVersion = section[nameof(options.ProtocolVersion)] ?? options.ProtocolVersion;
        if (section[nameof(options.InheritEnvironmentVariables)] is { Length: > 0 } inherit)
        {
            options.InheritEnvironmentVariables = bool.TryParse(inherit.Trim(), out var value)
                ? value
                : throw new InvalidOperationException($"Invalid McpStdioServerOptions: the configuration value of '{PathOf(section, nameof(options.InheritEnvironmentVariables))}' is not true or false.");
        }

        if (section[nameof(options.ShutdownTimeout)] is { Length: > 0 } timeout)
        {
            options.ShutdownTimeout = ShutdownTimeout(section, timeout);
        }

        // Children come sorted by key, and numeric keys by number: the list's order.
        var arguments = section.GetSection(nameof(options.Arguments)).GetChildren().Select(Argument).ToList();
        if (arguments.Count > 0)
        {
            options.Arguments = arguments;
        }

        foreach (var variable in section.GetSection(nameof(options.EnvironmentVariables)).GetChildren())
        {
            options.EnvironmentVariables[variable.Key] = variable.Value;
        }
    }

    /// <summary>An argument's value; an argument given as a section (keys under it, no value) is a mistake, named by its key.</summary>
    private static string Argument(IConfigurationSection argument) =>
        argument.Value ?? (argument.GetChildren().Any()
            ? throw new InvalidOperationException($"Invalid McpStdioServerOptions: the configuration key '{argument.Path}' is a section, not an argument's value.")
            : "");

    private static TimeSpan ShutdownTimeout(IConfiguration section, string text)
    {
        try
        {
            return McpConnectionOptionsBinder.Duration(text.Trim());
        }
        catch (Exception exception) when (exception is FormatException or OverflowException)
        {
            throw new InvalidOperationException(
                $"Invalid McpStdioServerOptions: the configuration value of '{PathOf(section, nameof(McpStdioServerOptions.ShutdownTimeout))}' is not a valid TimeSpan.", exception);
        }
    }

    private static string PathOf(IConfiguration section, string key) => section is IConfigurationSection named ? $"{named.Path}:{key}" : key;
}
