using Microsoft.Extensions.Options;

namespace McpClientGen;

/// <summary>
/// Validates the named stdio options of one registered client at start-up, naming the client and the configuration section
/// they were read from, as <see cref="McpConnectionOptionsValidator"/> does for HTTP clients.
/// </summary>
internal sealed class McpStdioServerOptionsValidator(string name, string? sectionPath) : IValidateOptions<McpStdioServerOptions>
{
    /// <summary>The options name (the client type) it validates.</summary>
    public string Name => name;

    public ValidateOptionsResult Validate(string? optionsName, McpStdioServerOptions options)
    {
        if (optionsName != name)
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            _ = options.ValidatedCopy();
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException exception)
        {
            var source = sectionPath is null ? "" : $" (read from the configuration section '{sectionPath}')";
            return ValidateOptionsResult.Fail($"MCP client '{name}'{source}: {exception.Message}");
        }
    }
}
