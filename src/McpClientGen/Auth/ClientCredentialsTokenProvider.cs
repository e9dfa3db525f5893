using Microsoft.Extensions.Logging;

namespace McpClientGen;

/// <summary>
/// Gets client-credentials access tokens for one MCP endpoint and one client. It discovers the authorization
/// server once (through the well-known metadata, or the URL a 401 challenge names), settles the client
/// authentication method, and keeps one <see cref="TokenSlot"/> per scope set: scopes a server asks for are added
/// to the configured ones, never put in their place. Discovery and token failures are never cached.
/// </summary>
internal sealed class ClientCredentialsTokenProvider
{
    private readonly McpConnectionOptions _options;
    private readonly Uri _resource;
    private readonly AuthorizationServerDiscovery _discovery;
    private readonly TokenEndpointClient _tokenClient;
    private readonly ClientAssertionFactory? _assertions;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly SortedSet<string> _scopes;
    private readonly Dictionary<TokenCacheKey, TokenSlot> _slots = new();

    private Task<ServerContext?>? _server;
    private Uri? _challengeMetadataUrl;
    private TokenSlot? _active;

    public ClientCredentialsTokenProvider(McpConnectionOptions options, Backchannel backchannel, TimeProvider timeProvider, ILogger logger)
    {
        _options = options;
        _resource = options.Endpoint!;
        _discovery = new AuthorizationServerDiscovery(backchannel);
        _tokenClient = new TokenEndpointClient(backchannel, options, timeProvider);
        _timeProvider = timeProvider;
        _logger = logger;
        _scopes = new SortedSet<string>(SplitScopes(options.Scopes), StringComparer.Ordinal);

        // The key is loaded now, so a bad one fails at start-up rather than at the first call.
        _assertions = !string.IsNullOrWhiteSpace(options.PrivateKey) || options.SigningCertificate is not null
            ? new ClientAssertionFactory(SigningKeyLoader.Load(options), timeProvider)
            : null;
    }

    /// <summary>The scopes the next token request asks for (configured, plus those servers asked for).</summary>
    public string RequestedScopes
    {
        get
        {
            lock (_gate)
            {
                return _active?.Key.Scopes ?? string.Join(" ", _scopes);
            }
        }
    }

    /// <summary>The token request in flight for the current scopes, if any (a background refresh included).</summary>
    internal Task? PendingRequest => Volatile.Read(ref _active)?.InFlight;

    /// <summary>
    /// A token valid for at least the skew, or <see langword="null"/> when the authorization server is not known
    /// yet (no well-known metadata): the request then goes without one and the server's 401 challenge names it.
    /// </summary>
    public ValueTask<AccessToken?> GetTokenAsync(CancellationToken cancellationToken)
    {
        // The path every MCP request takes: no lock, no allocation while the token is fresh.
        if (Volatile.Read(ref _active) is { Current: { } token } slot)
        {
            var now = _timeProvider.GetUtcNow();
            if (now < token.RefreshAt)
            {
                return new ValueTask<AccessToken?>(token);
            }

            if (now < token.UsableUntil)
            {
                slot.RefreshInBackground();
                return new ValueTask<AccessToken?>(token);
            }
        }

        return new ValueTask<AccessToken?>(AcquireAsync(cancellationToken));
    }

    /// <summary>Drops a token the server rejected; N concurrent rejections of one token cause one new request.</summary>
    public void Invalidate(AccessToken rejected)
    {
        lock (_gate)
        {
            foreach (var slot in _slots.Values)
            {
                slot.Invalidate(rejected);
            }
        }
    }

    /// <summary>
    /// Takes in what a 401 or 403 challenge says: where the resource metadata is (used while the authorization
    /// server is unknown) and which scopes are needed (added to those requested). Returns whether anything new was learned.
    /// </summary>
    public bool ReportChallenge(BearerChallenge challenge)
    {
        lock (_gate)
        {
            var learned = false;
            if (challenge.ResourceMetadata is { } metadataUrl && _options.TokenEndpoint is null
                && (_server is null || _server is { IsCompletedSuccessfully: true, Result: null }) && metadataUrl != _challengeMetadataUrl)
            {
                _challengeMetadataUrl = metadataUrl;
                _server = null;
                learned = true;
            }

            foreach (var scope in SplitScopes(challenge.Scope))
            {
                if (_scopes.Add(scope))
                {
                    learned = true;
                    _active = null;
                }
            }

            return learned;
        }
    }

    private async Task<AccessToken?> AcquireAsync(CancellationToken cancellationToken)
    {
        var server = await GetServerAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (server is null)
        {
            return null;
        }

        return await ActiveSlot(server).GetAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<ServerContext?> GetServerAsync()
    {
        lock (_gate)
        {
            // Failures are not kept, and neither is "no metadata found": it may be published later.
            if (_server is null || _server.IsFaulted || _server.IsCanceled || _server is { IsCompletedSuccessfully: true, Result: null })
            {
                _server = DiscoverAsync(_challengeMetadataUrl);
            }

            return _server;
        }
    }

    private async Task<ServerContext?> DiscoverAsync(Uri? challengeMetadataUrl)
    {
        AuthorizationServerMetadata metadata;
        IReadOnlyList<string> scopesSupported = [];
        if (_options.TokenEndpoint is { } configured)
        {
            metadata = new AuthorizationServerMetadata(null, configured, null, null);
        }
        else
        {
            AuthLog.Discovering(_logger, _resource);
            var resourceMetadata = await _discovery.FindResourceMetadataAsync(_resource, challengeMetadataUrl, CancellationToken.None).ConfigureAwait(false);
            if (resourceMetadata is null)
            {
                AuthLog.ResourceMetadataNotFound(_logger, _resource);
                return null;
            }

            var issuer = ChooseIssuer(resourceMetadata);
            AuthLog.ResourceMetadataFound(_logger, resourceMetadata.Location, issuer);
            metadata = await _discovery.ReadServerMetadataAsync(issuer, CancellationToken.None).ConfigureAwait(false);
            scopesSupported = resourceMetadata.ScopesSupported;
        }

        var authentication = ClientAuthenticationSelector.Select(_options, metadata, _assertions);
        AuthLog.TokenEndpointChosen(_logger, metadata.TokenEndpoint, authentication.Method);
        return new ServerContext(metadata, authentication, scopesSupported);
    }

    /// <summary>The configured issuer, the selector's pick, or the first listed.</summary>
    private Uri ChooseIssuer(ProtectedResourceMetadata metadata)
    {
        var listed = metadata.AuthorizationServers;
        var chosen = _options.AuthorizationServer ?? _options.AuthorizationServerSelector?.Invoke(listed) ?? listed[0];
        return listed.FirstOrDefault(issuer => EndpointRules.SameResource(issuer, chosen))
            ?? throw new McpAuthenticationException(
                $"The authorization server '{chosen}' is not among those the protected-resource metadata at '{metadata.Location}' lists " +
                $"({string.Join(", ", listed)}). Check AuthorizationServer.");
    }

    /// <summary>The slot for the current scopes: requested ones, else the resource's <c>scopes_supported</c>, else none.</summary>
    private TokenSlot ActiveSlot(ServerContext server)
    {
        lock (_gate)
        {
            var scopes = string.Join(" ", _scopes.Count > 0 ? _scopes : server.ScopesSupported.Order(StringComparer.Ordinal));
            var key = new TokenCacheKey(
                (server.Metadata.Issuer ?? server.Metadata.TokenEndpoint).AbsoluteUri, _options.ClientId!, scopes, _resource.AbsoluteUri);
            if (_active?.Key == key)
            {
                return _active;
            }

            if (!_slots.TryGetValue(key, out var slot))
            {
                slot = new TokenSlot(key, () => RequestTokenAsync(server, scopes), _timeProvider, _logger);
                _slots[key] = slot;
            }

            _active = slot;
            return slot;
        }
    }

    private Task<AccessToken> RequestTokenAsync(ServerContext server, string scopes)
    {
        AuthLog.RequestingToken(_logger, _options.ClientId!, scopes, server.Metadata.TokenEndpoint);
        return _tokenClient.RequestTokenAsync(server.Metadata, server.Authentication, scopes, _resource, CancellationToken.None);
    }

    private static IEnumerable<string> SplitScopes(string? scopes) =>
        (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>What discovery settled: the server's metadata, how to authenticate to it, and the resource's scopes.</summary>
    private sealed record ServerContext(AuthorizationServerMetadata Metadata, TokenClientAuthentication Authentication, IReadOnlyList<string> ScopesSupported);
}
