using Microsoft.Extensions.Logging;

namespace McpClientGen.Cli.Connection;

/// <summary>
/// Opens a <see cref="McpConnection"/> with the same runtime that generated clients use, so a snapshot is taken exactly
/// as the application will authenticate. Secrets are read from the environment and key files here and go nowhere but
/// into the connection options.
/// </summary>
internal static class ConnectionFactory
{
    public static McpConnection Create(ConnectionSettings settings, IReadOnlyDictionary<string, string?> environment, ILoggerFactory? logging)
    {
        if (settings.Stdio is { } stdio)
        {
            return CreateStdio(stdio, settings.ProtocolVersion, environment, logging);
        }

        var endpoint = settings.Endpoint!;
        if (settings.NoAuth)
        {
            return McpConnection.CreateUnauthenticated(endpoint, logging, settings.ProtocolVersion);
        }

        var options = new McpConnectionOptions
        {
            Endpoint = endpoint,
            ClientId = settings.ClientId,
            Scopes = settings.Scopes,
            TokenEndpoint = settings.TokenEndpoint,
            AuthorizationServer = settings.AuthorizationServer,
            TrustDiscoveredAuthorizationServer = settings.TrustDiscoveredAuthorizationServer,
            ProtocolVersion = settings.ProtocolVersion,
        };

        if (settings.PrivateKeyFile is { } keyFile)
        {
            options.PrivateKey = ReadKeyFile(keyFile);
            if (settings.PrivateKeyPasswordVariable is { } passwordVariable)
            {
                options.PrivateKeyPassword = ReadVariable(
                    environment,
                    passwordVariable,
                    $"the password of the key in {keyFile}",
                    "Set it, or name another variable with --private-key-password-env.");
            }

            // Without discovery the issuer, the default audience of client assertions, is unknown; the token endpoint
            // is the one address left (and the one Microsoft Entra ID expects).
            if (settings.TokenEndpoint is not null)
            {
                options.AssertionAudience = AssertionAudience.TokenEndpoint;
            }
        }
        else
        {
            options.ClientSecret = ReadVariable(
                environment,
                settings.ClientSecretVariable,
                $"the client secret of '{settings.ClientId}'",
                "Set it, name another variable with --client-secret-env, or authenticate with a key (--private-key-file).");
        }

        return McpConnection.Create(options, loggerFactory: logging);
    }

    /// <summary>
    /// The server's standard error reaches mcpgen's only through the runtime's log, which exists with <c>--verbose</c>:
    /// otherwise it would be mixed into mcpgen's own messages.
    /// </summary>
    private static McpConnection CreateStdio(
        StdioServer stdio, string? protocolVersion, IReadOnlyDictionary<string, string?> environment, ILoggerFactory? logging)
    {
        var options = new McpStdioServerOptions { Command = stdio.Command, Arguments = [.. stdio.Arguments], ProtocolVersion = protocolVersion };
        foreach (var name in stdio.EnvironmentNames)
        {
            options.EnvironmentVariables[name] = environment.TryGetValue(name, out var value) && value is not null
                ? value
                : throw new CommandFailedException($"The environment variable {name} (--stdio-env) is not set.");
        }

        return McpConnection.CreateStdio(options, logging);
    }

    private static string ReadVariable(IReadOnlyDictionary<string, string?> environment, string name, string holds, string remedy)
    {
        if (environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value))
        {
            return value;
        }

        throw new CommandFailedException(
            $"The environment variable {name} is not set; it must hold {holds}. {remedy}");
    }

    private static string ReadKeyFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"Cannot read the private key file: {exception.Message}", exception);
        }
    }
}
