namespace McpClientGen;

/// <summary>
/// Gets client-credentials access tokens for one MCP endpoint and one client: discovers the token endpoint
/// once, caches the token until shortly before it expires, and lets concurrent callers share a single
/// in-flight request. Failures are never cached: the next caller tries again.
/// </summary>
internal sealed class ClientCredentialsTokenProvider
{
    private readonly Uri _resource;
    private readonly ClientCredentials _credentials;
    private readonly string? _scopes;
    private readonly Uri? _configuredTokenEndpoint;
    private readonly AuthorizationServerDiscovery _discovery;
    private readonly TokenEndpointClient _tokenEndpointClient;
    private readonly TimeProvider _timeProvider;
    private readonly object _gate = new();

    private AccessToken? _current;
    private Task<AccessToken>? _inFlight;
    private Uri? _discoveredTokenEndpoint;

    public ClientCredentialsTokenProvider(McpConnectionOptions options, HttpClient backchannel, TimeProvider timeProvider)
    {
        _resource = options.Endpoint!;
        _credentials = new ClientCredentials(options.ClientId!, options.ClientSecret!);
        _scopes = options.Scopes;
        _configuredTokenEndpoint = options.TokenEndpoint;
        _discovery = new AuthorizationServerDiscovery(backchannel);
        _tokenEndpointClient = new TokenEndpointClient(backchannel, timeProvider, options.DefaultTokenLifetime);
        _timeProvider = timeProvider;
    }

    /// <summary>Returns a token that is valid for at least the skew; requests one when needed.</summary>
    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && IsUsable(current))
        {
            return new ValueTask<AccessToken>(current);
        }

        return new ValueTask<AccessToken>(JoinOrStartRequest().WaitAsync(cancellationToken));
    }

    /// <summary>
    /// Drops <paramref name="rejected"/> after the server refused it. A newer token, fetched meanwhile by a
    /// concurrent caller, is kept, so N simultaneous 401s cause one new token request, not N.
    /// </summary>
    public void Invalidate(AccessToken rejected)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_current, rejected))
            {
                _current = null;
            }
        }
    }

    private bool IsUsable(AccessToken token) => _timeProvider.GetUtcNow() < token.UsableUntil;

    private Task<AccessToken> JoinOrStartRequest()
    {
        lock (_gate)
        {
            if (_current is not null && IsUsable(_current))
            {
                return Task.FromResult(_current);
            }

            // The shared request is not tied to any one caller's cancellation: a caller that gives up
            // must not fail the others waiting on the same request.
            return _inFlight ??= RequestAndStoreAsync();
        }
    }

    private async Task<AccessToken> RequestAndStoreAsync()
    {
        try
        {
            var tokenEndpoint = await GetTokenEndpointAsync().ConfigureAwait(false);
            var token = await _tokenEndpointClient
                .RequestTokenAsync(new TokenRequest(tokenEndpoint, _credentials, _scopes, _resource), CancellationToken.None)
                .ConfigureAwait(false);
            lock (_gate)
            {
                _current = token;
                _inFlight = null;
            }

            return token;
        }
        catch
        {
            lock (_gate)
            {
                _inFlight = null;
            }

            throw;
        }
    }

    private async Task<Uri> GetTokenEndpointAsync()
    {
        if (_configuredTokenEndpoint is not null)
        {
            return _configuredTokenEndpoint;
        }

        if (_discoveredTokenEndpoint is null)
        {
            var metadata = await _discovery.DiscoverAsync(_resource, CancellationToken.None).ConfigureAwait(false);
            _discoveredTokenEndpoint = metadata.TokenEndpoint;
        }

        return _discoveredTokenEndpoint;
    }
}
