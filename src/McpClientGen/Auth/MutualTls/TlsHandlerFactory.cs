using System.Net.Security;

namespace McpClientGen;

/// <summary>
/// Puts one engine's TLS settings on the handlers of its two HTTP clients (the MCP transport and the backchannel): the
/// client certificate presented in handshakes (RFC 8705), through a <see cref="ClientCertificateTransport"/> so that
/// every connection presents the certificate its request needs, and the extra trust anchors for server certificates.
/// Without either setting the handlers are exactly what the caller made.
/// </summary>
internal sealed class TlsHandlerFactory(bool presentsClientCertificate, ServerCertificateTrust? serverTrust)
{
    public static TlsHandlerFactory For(McpConnectionOptions options) =>
        new(options.HasClientCertificate, options.ServerCertificateAuthorities is { Count: > 0 } authorities ? new ServerCertificateTrust(authorities) : null);

    /// <summary>
    /// The handler over connections made by <paramref name="create"/>; a request not stamped with a certificate
    /// (<see cref="ClientCertificateTransport.Stamp"/>) presents <paramref name="defaultCertificate"/>, if any.
    /// </summary>
    public HttpMessageHandler CreateHandler(Func<SocketsHttpHandler> create, Func<ClientCertificate?> defaultCertificate) =>
        presentsClientCertificate
            ? new ClientCertificateTransport(certificate => Configure(create(), certificate), defaultCertificate)
            : Configure(create(), null);

    private SocketsHttpHandler Configure(SocketsHttpHandler handler, ClientCertificate? certificate)
    {
        if (certificate is not null)
        {
            // A context is presented whatever issuers the server says it accepts (the certificate collection would be
            // filtered by them), and carries the intermediates the server needs to build the chain.
            handler.SslOptions.ClientCertificateContext = SslStreamCertificateContext.Create(certificate.Certificate, certificate.Intermediates, offline: true);
        }

        if (serverTrust is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = serverTrust.Validate;
        }

        return handler;
    }
}
