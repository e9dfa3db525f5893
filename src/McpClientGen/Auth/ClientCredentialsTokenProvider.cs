using Microsoft.Extensions.Logging;

namespace McpClientGen;

/// <summary>
/// Gets client-credentials access tokens for one MCP endpoint and one client. It discovers the authorization
/// server once (through the well-known metadata, or the URL a 401 challenge names), accepts only the one the
/// credentials belong to (<see cref="AuthorizationServerBinding"/>, checked again on every 401), settles the client
/// authentication method, and keeps one <see cref="TokenSlot"/> (the first cache level) per scope set, each backed by
/// the same second level (<see cref="IMcpSharedTokenStore"/>, when the fleet shares one): scopes a server asks for are added to the configured
/// ones, never put in their place. Discovery and token failures are never cached. Built by <see cref="ClientCredentialsEngine"/>.
/// </summary>
internal sealed class ClientCredentialsTokenProvider
{
    private readonly McpConnectionOptions _options;
    private readonly Uri _resource;
    private readonly AuthorizationServerDiscovery _discovery;
    private readonly AuthorizationServerBinding _binding;
    private readonly TokenEndpointClient _tokenClient;
    private readonly IMcpSharedTokenStore? _sharedStore;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly SortedSet<string> _scopes;
    private readonly Dictionary<TokenCacheKey, TokenSlot> _slots = new();
    private readonly SecretMethodFallback _secretMethods;

    private ClientCredentialSet _credentials;
    private Task<ServerContext?>? _server;
    private Uri? _challengeMetadataUrl;
    private TokenSlot? _active;

    /// <param name="options">Validated options.</param>
    /// <param name="discovery">Finds the authorization server.</param>
    /// <param name="tokenClient">Sends the token requests.</param>
    /// <param name="sharedStore">The second cache level, already guarded (<see cref="ResilientSharedTokenStore"/>), or <see langword="null"/> for none.</param>
    /// <param name="timeProvider">The clock for token expiry.</param>
    /// <param name="logger">Logging for discovery and token requests.</param>
    public ClientCredentialsTokenProvider(
        McpConnectionOptions options,
        AuthorizationServerDiscovery discovery,
        TokenEndpointClient tokenClient,
        IMcpSharedTokenStore? sharedStore,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _options = options;
        _resource = options.Endpoint!;
        _discovery = discovery;
        _binding = new AuthorizationServerBinding(options, logger);
        _tokenClient = tokenClient;
        _sharedStore = sharedStore;
        _timeProvider = timeProvider;
        _logger = logger;
        _scopes = new SortedSet<string>(ScopeSet.Split(options.Scopes), StringComparer.Ordinal);

        _credentials = ClientCredentialSet.From(options, timeProvider);
        _secretMethods = new SecretMethodFallback(logger);
    }

    /// <summary>
    /// Takes new credentials (a rotated secret, key or client certificate) for the token requests from now on. Tokens
    /// already issued stay in use until they are due for refresh, except those bound to a client certificate that was
    /// replaced: they are dropped, never sent with the new one. The endpoint and the other settings keep their first values.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The new settings are incomplete, the key or certificate cannot be read, or they add or remove the client certificate
    /// (which decides how the connections are made).
    /// </exception>
    public void UpdateCredentials(McpConnectionOptions updated)
    {
        updated.Validate(inputHandlers: false);
        var credentials = ClientCredentialSet.From(updated, _timeProvider);
        if ((credentials.Certificate is null) != (Volatile.Read(ref _credentials).Certificate is null))
        {
            throw new InvalidOperationException(
                "Invalid McpConnectionOptions: a client certificate can be replaced while the client runs, but not added or removed; restart the client to change that.");
        }

        Volatile.Write(ref _credentials, credentials);
        AuthLog.CredentialsUpdated(_logger, updated.ClientLabel);
    }

    /// <summary>The client certificate of the credentials in force, presented by requests that carry no token yet.</summary>
    public ClientCertificate? CurrentCertificate => Volatile.Read(ref _credentials).Certificate;

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

    /// <summary>
    /// A token valid for at least the skew, or <see langword="null"/> when the authorization server is not known
    /// yet (no well-known metadata): the request then goes without one and the server's 401 challenge names it.
    /// </summary>
    public ValueTask<AccessToken?> GetTokenAsync(CancellationToken cancellationToken)
    {
        // The path every MCP request takes: no lock, no allocation, no second cache level while the token is fresh. A token
        // requested with a client certificate that has since been replaced is not served: the next one is requested.
        if (Volatile.Read(ref _active) is { Current: { } token } slot && IsForCurrentCertificate(token))
        {
            var now = _timeProvider.GetUtcNow();
            if (now < token.RefreshAt)
            {
                McpClientGenTelemetry.TokenCacheHits.Add(1);
                return new ValueTask<AccessToken?>(token);
            }

            if (now < token.UsableUntil)
            {
                McpClientGenTelemetry.TokenCacheHits.Add(1);
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
    /// Takes the resource-metadata URL a 401 challenge names. While the authorization server is unknown, discovery reads
    /// it; once known, it is read again to check that the resource still names the server the credentials belong to, so
    /// a server that moved to another one is refused rather than followed (SEP-2352). Plain HTTP is accepted only when
    /// the MCP endpoint itself is on loopback, so a remote server cannot make the client probe local services.
    /// </summary>
    public void ReportResourceMetadata(Uri metadataUrl)
    {
        EndpointRules.EnsureSecureNextTo(metadataUrl, "protected-resource metadata URL", _resource);
        lock (_gate)
        {
            // With a configured token endpoint there is no discovery to redo; under way, it serves this 401 too.
            if (_options.TokenEndpoint is not null || _server is { IsCompleted: false })
            {
                return;
            }

            _challengeMetadataUrl = metadataUrl;
            _server = _server is { IsCompletedSuccessfully: true, Result: { } known } ? RecheckAsync(known, metadataUrl) : null;
        }
    }

    /// <summary>
    /// A token for the current scopes plus <paramref name="additionalScopes"/> (a 403 step-up). The added scopes are
    /// kept for later requests only once a token with them has been granted, so a refused step-up leaves the
    /// connection working with the scopes it had.
    /// </summary>
    public async Task<AccessToken> GetTokenWithScopesAsync(string? additionalScopes, CancellationToken cancellationToken)
    {
        var server = await GetServerAsync().WaitAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new McpAuthenticationException($"The authorization server of '{_resource}' is not known yet, so no token with more scopes can be requested.");
        _ = RereadCredentialFiles();
        TokenSlot slot;
        lock (_gate)
        {
            slot = SlotFor(server, ScopeSet.Union(CurrentScopes(server), additionalScopes));
        }

        var token = await slot.GetAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _scopes.UnionWith(ScopeSet.Split(slot.Key.Scopes));
            Activate(slot);
        }

        return token;
    }

    private async Task<AccessToken?> AcquireAsync(CancellationToken cancellationToken)
    {
        var server = await GetServerAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (server is null)
        {
            return null;
        }

        // Before the slot is chosen, so a changed credential file keys a slot of its own.
        _ = RereadCredentialFiles();

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

            var issuer = _binding.Choose(resourceMetadata);
            AuthLog.ResourceMetadataFound(_logger, resourceMetadata.Location, issuer);
            metadata = await _discovery.ReadServerMetadataAsync(issuer, _resource, CancellationToken.None).ConfigureAwait(false);
            scopesSupported = resourceMetadata.ScopesSupported;
        }

        AuthLog.TokenEndpointChosen(_logger, metadata.TokenEndpoint);
        return new ServerContext(metadata, scopesSupported);
    }

    /// <summary>
    /// Reads the resource's metadata again after a 401 and refuses it if it names only other authorization servers.
    /// Metadata that cannot be read leaves the known server in place: it is the trusted one either way.
    /// </summary>
    private async Task<ServerContext?> RecheckAsync(ServerContext known, Uri metadataUrl)
    {
        ProtectedResourceMetadata? metadata;
        try
        {
            metadata = await _discovery.FindResourceMetadataAsync(_resource, metadataUrl, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is McpAuthenticationException or McpConnectionException)
        {
            AuthLog.ResourceMetadataRecheckFailed(_logger, metadataUrl, exception.Message, known.Metadata.Issuer ?? known.Metadata.TokenEndpoint);
            return known;
        }

        if (metadata is not null)
        {
            _ = _binding.Choose(metadata);
        }

        return known;
    }

    /// <summary>The slot for the current scopes, made the active one.</summary>
    private TokenSlot ActiveSlot(ServerContext server)
    {
        lock (_gate)
        {
            var slot = SlotFor(server, CurrentScopes(server));
            Activate(slot);
            return slot;
        }
    }

    /// <summary>The requested scopes, else the resource's <c>scopes_supported</c>, else none. Call under the lock.</summary>
    private string CurrentScopes(ServerContext server) =>
        string.Join(" ", _scopes.Count > 0 ? _scopes : server.ScopesSupported.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <summary>The slot for one scope set, made if needed. Call under the lock.</summary>
    private TokenSlot SlotFor(ServerContext server, string scopes)
    {
        var credentials = Volatile.Read(ref _credentials);
        var key = new TokenCacheKey(
            server.Metadata.Authority, _options.ClientLabel, scopes, _resource.AbsoluteUri, credentials.Certificate?.Thumbprint, credentials.Fingerprint);
        if (!_slots.TryGetValue(key, out var slot))
        {
            var shared = _sharedStore is null || !_options.SharesTokens ? null : new SharedTokenTier(_sharedStore, key, _options, credentials.Certificate);
            slot = new TokenSlot(key, () => RequestTokenAsync(server, scopes), shared, _timeProvider, _logger);
            _slots[key] = slot;
        }

        return slot;
    }

    /// <summary>Makes <paramref name="slot"/> the one the fast path serves, and forgets the others. Call under the lock.</summary>
    private void Activate(TokenSlot slot)
    {
        if (ReferenceEquals(_active, slot))
        {
            return;
        }

        _active = slot;
        foreach (var key in _slots.Keys.Where(key => key != slot.Key).ToList())
        {
            _slots.Remove(key);
        }
    }

    /// <summary>
    /// Authenticates with the credentials current at the time of the request, so rotated ones apply at once: credential
    /// files are read again, and a platform token is read afresh, for each request. When the server refuses the client
    /// and a credential file changed meanwhile (the platform rotated the secret while the request was under way), the
    /// request is made once more with the new content.
    /// </summary>
    private async Task<AccessToken> RequestTokenAsync(ServerContext server, string scopes)
    {
        var credentials = RereadCredentialFiles();
        try
        {
            return await RequestTokenWithAsync(credentials, server, scopes).ConfigureAwait(false);
        }
        catch (McpAuthenticationException refused) when (refused.Error is "invalid_client" or "invalid_grant")
        {
            var reread = RereadCredentialFiles();
            if (ReferenceEquals(reread, credentials))
            {
                throw;
            }

            return await RequestTokenWithAsync(reread, server, scopes).ConfigureAwait(false);
        }
    }

    /// <summary>One token request with <paramref name="credentials"/>; a platform token that is unusable stops it before anything is sent.</summary>
    private async Task<AccessToken> RequestTokenWithAsync(ClientCredentialSet credentials, ServerContext server, string scopes)
    {
        var platformToken = await credentials.ReadPlatformTokenAsync(CancellationToken.None).ConfigureAwait(false);
        return await _secretMethods.RequestTokenAsync(credentials, server.Metadata, platformToken, authentication =>
        {
            AuthLog.RequestingToken(_logger, _options.ClientLabel, scopes, server.Metadata.TokenEndpointFor(credentials.Certificate), authentication.Method);
            return _tokenClient.RequestTokenAsync(server.Metadata, authentication, credentials.Certificate, scopes, _resource, CancellationToken.None);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The credentials in force, after reading their files again: when the content changed, credentials loaded from the
    /// new content take over (a secret volume's update reaches the client without a restart). Not on the path a fresh
    /// token takes, only before token requests.
    /// </summary>
    /// <exception cref="McpAuthenticationException">A credential file is gone or its new content cannot be used; nothing was sent.</exception>
    private ClientCredentialSet RereadCredentialFiles()
    {
        var current = Volatile.Read(ref _credentials);
        ClientCredentialSet reread;
        try
        {
            reread = current.Reread();
        }
        catch (InvalidOperationException unusable)
        {
            throw new McpAuthenticationException($"The credential files were read again for a token request, which was not sent: {unusable.Message}", unusable);
        }

        if (ReferenceEquals(reread, current))
        {
            return current;
        }

        // A configuration update that came meanwhile wins: it is newer than the files it replaced.
        if (Interlocked.CompareExchange(ref _credentials, reread, current) != current)
        {
            return Volatile.Read(ref _credentials);
        }

        AuthLog.CredentialFilesChanged(_logger, _options.ClientLabel, reread.FileDescription);
        return reread;
    }

    /// <summary>Whether <paramref name="token"/> was requested with the client certificate now in force (or neither has one).</summary>
    private bool IsForCurrentCertificate(AccessToken token) =>
        string.Equals(token.Certificate?.Thumbprint, CurrentCertificate?.Thumbprint, StringComparison.Ordinal);

    /// <summary>What discovery settled: the server's metadata and the resource's scopes.</summary>
    private sealed record ServerContext(AuthorizationServerMetadata Metadata, IReadOnlyList<string> ScopesSupported);
}
