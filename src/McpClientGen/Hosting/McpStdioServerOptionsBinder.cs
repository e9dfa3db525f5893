using Microsoft.Extensions.Configuration;

namespace McpClientGen;

/// <summary>
/// Binds <see cref="McpStdioServerOptions"/> key by key (no reflection, so trimming and AOT keep working): <c>Command</c>,
/// <c>Arguments:0</c>, <c>Arguments:1</c>…, <c>EnvironmentVariables:NAME</c>, <c>WorkingDirectory</c>, <c>ShutdownTimeout</c>
/// (seconds or a time span) and <c>ProtocolVersion</c>. A key that is not there leaves the option as it was.
/// </summary>
internal static class McpStdioServerOptionsBinder
{
    public static void Bind(IConfiguration section, McpStdioServerOptions options)
    {
        options.Command = section[nameof(options.Command)] ?? options.Command;
        options.WorkingDirectory = section[nameof(options.WorkingDirectory)] ?? options.WorkingDirectory;
        options.ProtocolVersion = section[nameof(options.ProtocolVersion)] ?? options.ProtocolVersion;
        if (section[nameof(options.ShutdownTimeout)] is { Length: > 0 } timeout)
        {
            options.ShutdownTimeout = ShutdownTimeout(section, timeout);
        }

        // Children come sorted by key, and numeric keys by number: the list's order.
        var arguments = section.GetSection(nameof(options.Arguments)).GetChildren().Select(argument => argument.Value ?? "").ToList();
        if (arguments.Count > 0)
        {
            options.Arguments = arguments;
        }

        foreach (var variable in section.GetSection(nameof(options.EnvironmentVariables)).GetChildren())
        {
            options.EnvironmentVariables[variable.Key] = variable.Value;
        }
    }

    private static TimeSpan ShutdownTimeout(IConfiguration section, string text)
    {
        try
        {
            return McpConnectionOptionsBinder.Duration(text.Trim());
        }
        catch (Exception exception) when (exception is FormatException or OverflowException)
        {
            var path = section is IConfigurationSection named ? $"{named.Path}:{nameof(McpStdioServerOptions.ShutdownTimeout)}" : nameof(McpStdioServerOptions.ShutdownTimeout);
            throw new InvalidOperationException($"Invalid McpStdioServerOptions: the configuration value of '{path}' is not a valid TimeSpan.", exception);
        }
    }
}
