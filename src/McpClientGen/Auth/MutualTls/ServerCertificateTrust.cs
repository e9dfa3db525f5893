using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace McpClientGen;

/// <summary>
/// Server certificate validation that also trusts the configured <see cref="McpConnectionOptions.ServerCertificateAuthorities"/>
/// (a private CA, or a test's self-signed certificate). It only ever adds trust anchors: a certificate the system
/// accepts is accepted, a wrong host name or a missing certificate is still refused, and a certificate that does not
/// chain to the system's roots must chain to one of these, be valid now, and be meant for TLS servers.
/// </summary>
internal sealed class ServerCertificateTrust(X509Certificate2Collection authorities)
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is not X509Certificate2 server)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(authorities);
        custom.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        // As HttpClient's own validation does by default (CertificateRevocationCheckMode.NoCheck).
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            // The intermediates the server sent.
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        try
        {
            return custom.Build(server);
        }
        finally
        {
            foreach (var element in custom.ChainElements)
            {
                element.Certificate.Dispose();
            }
        }
    }
}
