namespace McpClientGen.Cli.Connection;

/// <summary>What an environment variable's name looks like in POSIX shells, and so in CI systems.</summary>
internal static class EnvironmentVariableName
{
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name)
        && !char.IsAsciiDigit(name[0])
        && name.All(character => char.IsAsciiLetterOrDigit(character) || character == '_');
}
