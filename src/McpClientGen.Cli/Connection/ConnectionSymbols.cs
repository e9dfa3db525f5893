using System.CommandLine;
using System.CommandLine.Parsing;
using McpClientGen.Cli.CommandLine;

namespace McpClientGen.Cli.Connection;

/// <summary>
/// The server (an endpoint argument, or <c>--stdio</c>) and the authentication options shared by every command that
/// talks to a server. Each command gets its own instance, so the symbols have one parent each.
/// </summary>
internal sealed class ConnectionSymbols
{
    /// <summary>The environment variable that holds the client secret when <c>--client-secret-env</c> is not given.</summary>
    public const string DefaultSecretVariable = "MCPGEN_CLIENT_SECRET";

    /// <summary>
    /// Optional, and a string parsed by <see cref="Validate"/>: with <c>--stdio</c> there is no endpoint, and the word in its
    /// place is the argument that follows it (check's snapshot file).
    /// </summary>
    public Argument<string?> Endpoint { get; } = new("endpoint")
    {
        Description = "The MCP endpoint, such as https://crm.example.com/mcp (plain http only on loopback). Not with --stdio.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string> Stdio { get; } = new("--stdio")
    {
        Description = "Start the server with this command line and talk to it over stdio, unauthenticated, instead of an endpoint, "
            + "such as --stdio \"npx -y @modelcontextprotocol/server-memory\". Quote with \"...\" or '...'. Its standard error is shown only with --verbose.",
        HelpName = "command",
    };

    public Option<string[]> StdioEnvironment { get; } = new("--stdio-env")
    {
        Description = "Pass this variable of mcpgen's environment to the --stdio server (repeatable). Its value is never printed.",
        HelpName = "variable",
    };

    public Option<string> ClientId { get; } = new("--client-id")
    {
        Description = "The OAuth client id. Required unless --no-auth is given.",
        HelpName = "id",
    };

    public Option<string> ClientSecretVariable { get; } = new("--client-secret-env")
    {
        Description = "The name of the environment variable that holds the client secret. The secret itself is never taken on the command line.",
        HelpName = "variable",
        DefaultValueFactory = _ => DefaultSecretVariable,
    };

    public Option<string> PrivateKeyFile { get; } = new("--private-key-file")
    {
        Description = "A file with the private key for private_key_jwt, as PEM or a private JWK; used instead of a secret.",
        HelpName = "path",
    };

    public Option<string> PrivateKeyPasswordVariable { get; } = new("--private-key-password-env")
    {
        Description = "The name of the environment variable that holds the password of an encrypted PEM key.",
        HelpName = "variable",
    };

    public Option<string> Scopes { get; } = new("--scopes")
    {
        Description = "Space-separated scopes to request. Default: the scopes the resource's metadata lists.",
        HelpName = "scopes",
    };

    public Option<Uri> TokenEndpoint { get; } = new("--token-endpoint")
    {
        Description = "The token endpoint; skips discovery, and the credentials go to it only. Client assertions are then addressed to it.",
        HelpName = "url",
        CustomParser = HttpUrlParser.Parse,
    };

    public Option<Uri> AuthorizationServer { get; } = new("--authorization-server")
    {
        Description = "The issuer of the authorization server the credentials belong to, such as https://login.example.com/. "
            + "Its token endpoint is discovered from its metadata; the credentials are sent to no other server.",
        HelpName = "issuer",
        CustomParser = HttpUrlParser.Parse,
    };

    public Option<bool> TrustDiscoveredAuthorizationServer { get; } = new("--trust-discovered-authorization-server")
    {
        Description = "Without --authorization-server or --token-endpoint, send the credentials to the authorization server the "
            + "endpoint's metadata names. Only for a server you trust: a malicious one could name a server that collects them.",
    };

    public Option<string> ProtocolVersion { get; } = new("--protocol-version")
    {
        Description = "The MCP protocol version to insist on, such as 2025-11-25. Default: the newest both sides support.",
        HelpName = "version",
    };

    public Option<bool> NoAuth { get; } = new("--no-auth")
    {
        Description = "Connect without authentication, to a server that needs none.",
    };

    /// <summary>
    /// Not an option to use: it is known only so that a secret typed after it is consumed and refused. As an unknown
    /// option, the secret would be an unrecognized token, and System.CommandLine's message would repeat it.
    /// </summary>
    private Option<string> RefusedClientSecret { get; } = new("--client-secret") { Hidden = true };

    public ConnectionSymbols()
    {
        RefusedClientSecret.Validators.Add(result => result.AddError(
            "mcpgen never takes a client secret on the command line, where shell history and process lists would keep it: "
            + "put it in an environment variable and give the variable's name with --client-secret-env."));
        ClientSecretVariable.Validators.Add(RequireVariableName);
        PrivateKeyPasswordVariable.Validators.Add(RequireVariableName);
        StdioEnvironment.Validators.Add(RequireVariableName);
    }

    /// <param name="command">The command to add the symbols to.</param>
    /// <param name="next">The optional argument after the endpoint (check's file), which with <c>--stdio</c> comes first.</param>
    /// <param name="stdio">Whether the command offers <c>--stdio</c>.</param>
    public void AddTo(Command command, Argument<string?>? next = null, bool stdio = true)
    {
        command.Add(Endpoint);
        if (stdio)
        {
            command.Add(Stdio);
            command.Add(StdioEnvironment);
        }

        command.Validators.Add(result => Validate(result, next));
        command.Add(ClientId);
        command.Add(ClientSecretVariable);
        command.Add(PrivateKeyFile);
        command.Add(PrivateKeyPasswordVariable);
        command.Add(Scopes);
        command.Add(TokenEndpoint);
        command.Add(AuthorizationServer);
        command.Add(TrustDiscoveredAuthorizationServer);
        command.Add(ProtocolVersion);
        command.Add(NoAuth);
        command.Add(RefusedClientSecret);
    }

    /// <summary>The settings given on the command line.</summary>
    /// <exception cref="CommandFailedException">The options contradict each other, or the client id is missing.</exception>
    public ConnectionSettings Read(ParseResult parseResult)
    {
        ValidateCombination(parseResult);
        // Validate has split the line already; it cannot fail here.
        var stdio = parseResult.GetValue(Stdio) is { } line && CommandLineSplitter.Split(line, out _) is { } words
            ? new StdioServer(words[0], [.. words.Skip(1)], parseResult.GetValue(StdioEnvironment) ?? [])
            : null;
        return new ConnectionSettings(
            stdio is null ? HttpUrlParser.TryParse(parseResult.GetValue(Endpoint)!, out _) : null,
            stdio,
            stdio is not null || parseResult.GetValue(NoAuth),
            parseResult.GetValue(ClientId),
            parseResult.GetRequiredValue(ClientSecretVariable),
            parseResult.GetValue(PrivateKeyFile),
            parseResult.GetValue(PrivateKeyPasswordVariable),
            parseResult.GetValue(Scopes),
            parseResult.GetValue(TokenEndpoint),
            parseResult.GetValue(AuthorizationServer),
            parseResult.GetValue(TrustDiscoveredAuthorizationServer),
            parseResult.GetValue(ProtocolVersion));
    }

    /// <summary>The argument after the endpoint, which with <c>--stdio</c> is the first positional word.</summary>
    public string? Next(ParseResult parseResult, Argument<string?> next) =>
        parseResult.GetValue(next) ?? (parseResult.GetResult(Stdio) is not null ? parseResult.GetValue(Endpoint) : null);

    /// <summary>
    /// Exactly one of an endpoint and <c>--stdio</c>, checked while parsing so that a wrong command line is a usage error.
    /// </summary>
    private void Validate(CommandResult result, Argument<string?>? next)
    {
        var endpoint = result.GetValue(Endpoint);
        var hasNext = next is not null && result.GetValue(next) is not null;
        if (result.GetValue(Stdio) is { } line)
        {
            if (endpoint is not null && (next is null || hasNext))
            {
                result.AddError(next is null
                    ? "Give either an endpoint or --stdio, not both."
                    : $"With --stdio, {result.Command.Name} takes only the {next.Name} argument: remove the endpoint.");
            }
            else if (next is not null && endpoint is null)
            {
                result.AddError($"Required argument '{next.Name}' missing for command: '{result.Command.Name}'.");
            }

            if (CommandLineSplitter.Split(line, out var error) is null)
            {
                result.AddError(error!);
            }

            return;
        }

        if (result.GetResult(StdioEnvironment) is not null)
        {
            result.AddError("--stdio-env passes a variable to a --stdio server; give --stdio too.");
        }

        if (endpoint is null)
        {
            var alternative = result.Command.Options.Contains(Stdio) ? " (or --stdio)" : "";
            result.AddError($"Required argument 'endpoint'{alternative} missing for command: '{result.Command.Name}'.");
        }
        else if (HttpUrlParser.TryParse(endpoint, out var error) is null)
        {
            result.AddError(error!);
        }
        else if (next is not null && !hasNext)
        {
            result.AddError($"Required argument '{next.Name}' missing for command: '{result.Command.Name}'.");
        }
    }

    /// <summary>
    /// A variable name, not a value: the message does not repeat what was given, because a user who passes the secret
    /// here by mistake must not see it printed.
    /// </summary>
    private static void RequireVariableName(OptionResult result)
    {
        // The tokens, not the typed value: one rule for a single name and for a repeatable option's list of them.
        if (!result.Tokens.All(token => EnvironmentVariableName.IsValid(token.Value)))
        {
            result.AddError(
                $"{result.IdentifierToken?.Value} takes the name of an environment variable (letters, digits and '_', not starting with a digit), not its value.");
        }
    }

    /// <summary>
    /// Checked when the command runs rather than as a command validator: System.CommandLine skips its own checks (a
    /// missing endpoint, a missing <c>--output</c>) once a command validator fails, and those should be reported first.
    /// </summary>
    private void ValidateCombination(ParseResult parseResult)
    {
        bool Given(Option option) => parseResult.GetResult(option) is { Implicit: false };

        void RefuseGiven(Option[] options, string reason)
        {
            var given = options.Where(Given).Select(option => option.Name).ToList();
            if (given.Count > 0)
            {
                throw new CommandFailedException($"{reason}; remove {string.Join(", ", given)}.");
            }
        }

        // --stdio implies --no-auth, so it refuses that too; both refuse every credential.
        var credentials = new Option[]
            {
                ClientId, ClientSecretVariable, PrivateKeyFile, PrivateKeyPasswordVariable, Scopes, TokenEndpoint, AuthorizationServer,
                TrustDiscoveredAuthorizationServer,
            };
        if (parseResult.GetResult(Stdio) is not null)
        {
            RefuseGiven([NoAuth, .. credentials], "--stdio starts a local server, without authentication");
            return;
        }

        if (parseResult.GetValue(NoAuth))
        {
            RefuseGiven(credentials, "--no-auth connects without credentials");
            return;
        }

        if (string.IsNullOrWhiteSpace(parseResult.GetValue(ClientId)))
        {
            throw new CommandFailedException("Option '--client-id' is required unless --no-auth is given.");
        }

        if (Given(PrivateKeyFile) && Given(ClientSecretVariable))
        {
            throw new CommandFailedException("Give either --private-key-file or --client-secret-env, not both.");
        }

        if (Given(PrivateKeyPasswordVariable) && !Given(PrivateKeyFile))
        {
            throw new CommandFailedException("--private-key-password-env is the password of the key in --private-key-file; give that too.");
        }

        // Each names where the credentials go, in its own way: one at most.
        var destinations = new Option[] { AuthorizationServer, TokenEndpoint, TrustDiscoveredAuthorizationServer }
            .Where(Given)
            .Select(option => option.Name)
            .ToList();
        if (destinations.Count > 1)
        {
            throw new CommandFailedException(
                "Give one of --authorization-server, --token-endpoint and --trust-discovered-authorization-server, " +
                $"not {string.Join(" and ", destinations)}.");
        }
    }
}
