using Microsoft.Extensions.Options;

namespace McpClientGen;

/// <summary>Validates the named options of one registered client at start-up, with messages that name the missing keys.</summary>
internal sealed class McpConnectionOptionsValidator(string name) : IValidateOptions<McpConnectionOptions>
{
    public ValidateOptionsResult Validate(string? optionsName, McpConnectionOptions options)
    {
        if (optionsName != name)
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (Exception exception) when (exception is InvalidOperationException or McpAuthenticationException)
        {
            return ValidateOptionsResult.Fail($"MCP client '{name}': {exception.Message}");
        }
    }
}
