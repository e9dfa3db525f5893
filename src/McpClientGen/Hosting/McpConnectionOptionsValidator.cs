using Microsoft.Extensions.Options;

namespace McpClientGen;

/// <summary>
/// Validates the named options of one registered client at start-up, with messages that name the missing keys and,
/// when the options were bound from configuration, the section they were read from (such as <c>Mcp:Crm</c>).
/// </summary>
/// <param name="name">The options name: the client type's full name.</param>
/// <param name="sectionPath">The configuration section the options were bound from, if any.</param>
internal sealed class McpConnectionOptionsValidator(string name, string? sectionPath) : IValidateOptions<McpConnectionOptions>
{
    /// <summary>The options name this validator checks.</summary>
    public string Name => name;

    // The input handlers' settings are read once, at start-up: a reload that leaves them inconsistent must not fail the
    // options, and with them the credential rotation it carries.
    private int _validated;

    public ValidateOptionsResult Validate(string? optionsName, McpConnectionOptions options)
    {
        if (optionsName != name)
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            options.Validate(inputHandlers: Interlocked.Exchange(ref _validated, 1) == 0);
            return ValidateOptionsResult.Success;
        }
        catch (Exception exception) when (exception is InvalidOperationException or McpAuthenticationException)
        {
            var source = sectionPath is null ? "" : $" (read from the configuration section '{sectionPath}')";
            return ValidateOptionsResult.Fail($"MCP client '{name}'{source}: {exception.Message}");
        }
    }
}
