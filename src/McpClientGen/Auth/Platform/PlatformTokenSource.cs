using Microsoft.IdentityModel.JsonWebTokens;

namespace McpClientGen;

/// <summary>
/// Reads the workload's platform token for a token request: from <see cref="McpConnectionOptions.PlatformTokenFile"/>
/// or <see cref="McpConnectionOptions.PlatformTokenProvider"/>, afresh every time. Nothing is cached: token requests
/// are rare, and a file's timestamps are no reliable sign of a change (Kubernetes swaps the file through a symlink), so
/// reading each time is the only way never to send a token the platform has already replaced. A token that is missing,
/// empty, not a JWT or expired is refused here, so it is never sent; messages name the source, never the token.
/// </summary>
internal sealed class PlatformTokenSource
{
    private readonly string? _file;
    private readonly Func<CancellationToken, ValueTask<string>>? _provider;
    private readonly TimeProvider _timeProvider;

    private PlatformTokenSource(string? file, Func<CancellationToken, ValueTask<string>>? provider, TimeProvider timeProvider)
    {
        _file = file;
        _provider = provider;
        _timeProvider = timeProvider;
        Description = file is null
            ? nameof(McpConnectionOptions.PlatformTokenProvider)
            : $"{nameof(McpConnectionOptions.PlatformTokenFile)} '{file}'";
    }

    /// <summary>The option the token comes from, for messages.</summary>
    public string Description { get; }

    /// <summary>The configured source, or <see langword="null"/> when the options name none.</summary>
    public static PlatformTokenSource? From(McpConnectionOptions options, TimeProvider timeProvider) =>
        options.HasPlatformToken
            ? new PlatformTokenSource(string.IsNullOrWhiteSpace(options.PlatformTokenFile) ? null : options.PlatformTokenFile, options.PlatformTokenProvider, timeProvider)
            : null;

    /// <summary>The current token, checked to be a JWT that has not expired.</summary>
    /// <exception cref="McpAuthenticationException">The token cannot be read, is empty, is not a JWT, or has expired.</exception>
    public async Task<PlatformToken> ReadAsync(CancellationToken cancellationToken)
    {
        var text = (_file is null ? await CallProviderAsync(cancellationToken).ConfigureAwait(false) : await ReadFileAsync(_file, cancellationToken).ConfigureAwait(false))?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw Refused(Says("is empty", "returned no token"), "the platform has not issued the token (yet).");
        }

        if (!new JsonWebTokenHandler().CanReadToken(text))
        {
            throw Refused(Says("does not hold a JWT", "returned something that is not a JWT"), "a platform token is a JWT (base64url parts separated by dots).");
        }

        // The signature is the authorization server's to check; the expiry is read so an expired token is never sent.
        var expiresAt = new JsonWebToken(text).ValidTo;
        if (expiresAt != DateTime.MinValue && expiresAt <= _timeProvider.GetUtcNow().UtcDateTime)
        {
            throw Refused(
                Says($"holds a token that expired at {expiresAt:O}", $"returned a token that expired at {expiresAt:O}"),
                "the platform normally replaces it well before then; check that it still does (is the projected volume mounted, is the identity still assigned?).");
        }

        return new PlatformToken(text, Description);
    }

    private async Task<string?> CallProviderAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _provider!(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new McpAuthenticationException($"The platform token could not be obtained: {Description} failed ({exception.GetType().Name}: {exception.Message}).", exception);
        }
    }

    private async Task<string> ReadFileAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Refused("does not exist", "check the path and that the platform mounts the token there.", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Refused($"could not be read ({exception.GetType().Name})", "check that the process may read it.", exception);
        }
    }

    private string Says(string ofFile, string ofProvider) => _file is null ? ofProvider : ofFile;

    private McpAuthenticationException Refused(string problem, string advice, Exception? cause = null) =>
        new($"The platform token is unusable, so no token request was sent: {Description} {problem}; {advice}", cause);
}
