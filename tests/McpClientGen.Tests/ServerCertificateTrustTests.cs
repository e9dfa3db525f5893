using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using McpClientGen.Tests.Support;

namespace McpClientGen.Tests;

/// <summary>
/// <see cref="McpConnectionOptions.ServerCertificateAuthorities"/> adds trust anchors and nothing else: the platform's
/// verdict stands unless the only fault is a chain to an unknown root, and then the chain must end at a configured
/// anchor and the certificate be meant for TLS servers. The handshake itself is exercised against the demo stack
/// (MutualTlsEndToEndTests, which also shows a self-signed server refused without the option).
/// </summary>
public sealed class ServerCertificateTrustTests
{
    [Fact]
    public void A_certificate_the_platform_accepts_is_accepted()
    {
        using var anchor = TestCertificates.SelfSigned("CN=anchor", TestCertificates.ServerUsage);
        using var server = TestCertificates.SelfSigned("CN=server", TestCertificates.ServerUsage);

        Assert.True(Trust(anchor).Validate(this, server, null, SslPolicyErrors.None));
    }

    [Fact]
    public void A_self_signed_server_certificate_configured_as_an_anchor_is_trusted()
    {
        using var server = TestCertificates.SelfSigned("CN=server", TestCertificates.ServerUsage);

        Assert.True(Trust(server).Validate(this, TestCertificates.PublicPart(server), null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void A_server_certificate_issued_by_a_configured_authority_is_trusted()
    {
        var (server, authority) = TestCertificates.IssuedByCertificateAuthority(TestCertificates.ServerUsage);
        using (server)
        using (authority)
        {
            Assert.True(Trust(authority).Validate(this, TestCertificates.PublicPart(server), null, SslPolicyErrors.RemoteCertificateChainErrors));
        }
    }

    [Fact]
    public void An_untrusted_chain_stays_refused_when_no_anchor_matches()
    {
        using var anchor = TestCertificates.SelfSigned("CN=anchor", TestCertificates.ServerUsage);
        using var server = TestCertificates.SelfSigned("CN=server", TestCertificates.ServerUsage);

        Assert.False(Trust(anchor).Validate(this, TestCertificates.PublicPart(server), null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Theory]
    [InlineData(SslPolicyErrors.RemoteCertificateNameMismatch)]
    [InlineData(SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors)]
    [InlineData(SslPolicyErrors.RemoteCertificateNotAvailable)]
    public void A_wrong_host_name_or_a_missing_certificate_is_refused_whatever_the_anchors(SslPolicyErrors errors)
    {
        using var server = TestCertificates.SelfSigned("CN=server", TestCertificates.ServerUsage);

        Assert.False(Trust(server).Validate(this, TestCertificates.PublicPart(server), null, errors));
    }

    [Fact]
    public void A_certificate_not_meant_for_TLS_servers_is_refused_even_under_a_configured_anchor()
    {
        using var client = TestCertificates.SelfSigned("CN=client", TestCertificates.ClientUsage);

        Assert.False(Trust(client).Validate(this, TestCertificates.PublicPart(client), null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    private static ServerCertificateTrust Trust(X509Certificate2 anchor) => new([TestCertificates.PublicPart(anchor)]);
}
