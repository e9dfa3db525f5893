namespace McpClientGen;

/// <summary>
/// Sends each request over connections that present one client certificate: the one the request is stamped with
/// (<see cref="Stamp"/>: the certificate its access token is bound to, or the one a token request authenticates with),
/// else the default. A pooled TLS connection keeps the certificate of its handshake, so each
/// certificate gets a connection pool (a <see cref="SocketsHttpHandler"/>) of its own, and a token bound to one
/// certificate is never sent over a connection made with another.
/// </summary>
/// <remarks>
/// Certificates are rotated, not alternated: when a request needs another certificate's pool, that pool becomes the
/// current one and the previous pool is disposed once its requests in flight have been sent (a response already being
/// read keeps its connection). A straggler stamped with the previous certificate gets a fresh pool of its own.
/// </remarks>
internal sealed class ClientCertificateTransport(Func<ClientCertificate?, SocketsHttpHandler> createPool, Func<ClientCertificate?> defaultCertificate)
    : HttpMessageHandler
{
    /// <summary>The request option that names the certificate a request must be sent with.</summary>
    private static readonly HttpRequestOptionsKey<ClientCertificate> CertificateOption = new("McpClientGen.ClientCertificate");

    private readonly object _gate = new();
    private Pool? _current;
    private bool _disposed;

    /// <summary>Stamps <paramref name="request"/> to be sent over connections presenting <paramref name="certificate"/>.</summary>
    public static void Stamp(HttpRequestMessage request, ClientCertificate certificate) => request.Options.Set(CertificateOption, certificate);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var certificate = request.Options.TryGetValue(CertificateOption, out var stamped) ? stamped : defaultCertificate();
        var pool = Enter(certificate);
        try
        {
            return await pool.Invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            pool.Exit();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_gate)
            {
                _disposed = true;
                _current?.Exit();
                _current = null;
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>The pool for the certificate, with one more request in flight on it.</summary>
    private Pool Enter(ClientCertificate? certificate)
    {
        var thumbprint = certificate?.Thumbprint;
        if (Volatile.Read(ref _current) is { } current && current.Thumbprint == thumbprint && current.TryEnter())
        {
            return current;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current is null || _current.Thumbprint != thumbprint || !_current.TryEnter())
            {
                var previous = _current;
                _current = new Pool(thumbprint, new HttpMessageInvoker(createPool(certificate)));
                previous?.Exit();
                _current.TryEnter();
            }

            return _current;
        }
    }

    /// <summary>One certificate's connections, disposed when neither the transport nor a request in flight holds them.</summary>
    private sealed class Pool(string? thumbprint, HttpMessageInvoker invoker)
    {
        // The transport's own hold, released when another pool replaces this one.
        private int _holds = 1;

        public string? Thumbprint => thumbprint;

        public HttpMessageInvoker Invoker => invoker;

        /// <summary>Takes a hold, unless the pool was already released for good.</summary>
        public bool TryEnter()
        {
            for (var holds = Volatile.Read(ref _holds); holds > 0; holds = Volatile.Read(ref _holds))
            {
                if (Interlocked.CompareExchange(ref _holds, holds + 1, holds) == holds)
                {
                    return true;
                }
            }

            return false;
        }

        public void Exit()
        {
            if (Interlocked.Decrement(ref _holds) == 0)
            {
                invoker.Dispose();
            }
        }
    }
}
