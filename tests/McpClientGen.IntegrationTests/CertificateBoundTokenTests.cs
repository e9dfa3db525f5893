using System.Net;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// Certificate-bound access tokens (RFC 8705 §3) on a mutual-TLS demo stack: the MCP server refuses a bound token that
/// comes without its certificate or with another, and the client never sends one that way: after a certificate rotation
/// it requests a new token rather than send the old one.
/// </summary>
public sealed class CertificateBoundTokenTests
{
    [Fact]
    public async Task The_MCP_server_accepts_a_bound_token_only_over_a_connection_presenting_its_certificate()
    {
        await using var stack = await DemoStack.StartAsync(new DemoStackOptions { MutualTls = true });
        var client = stack.MutualTls!.SelfSigned;
        var token = await MutualTlsHttp.RequestTokenAsync(stack, client, client.Certificate);

        using var withItsCertificate = await MutualTlsHttp.CallToolAsync(stack, token, client.Certificate);
        using var withoutCertificate = await MutualTlsHttp.CallToolAsync(stack, token, certificate: null);
        // Registered for the same client, so only the binding tells the two apart.
        using var withAnotherCertificate = await MutualTlsHttp.CallToolAsync(stack, token, client.RotatedCertificate);

        Assert.Equal("2.5", await McpToolCallRequest.ReadTextAsync(withItsCertificate));
        foreach (var refused in new[] { withoutCertificate, withAnotherCertificate })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            var challenge = refused.Headers.WwwAuthenticate.ToString();
            Assert.Contains("error=\"invalid_token\"", challenge, StringComparison.Ordinal);
            Assert.Contains("not bound to the client certificate", challenge, StringComparison.Ordinal);
        }

        var bound = DemoMutualTls.ThumbprintOf(client.Certificate);
        Assert.Equal(
            [
                new DemoCertificateCheck(bound, bound),
                new DemoCertificateCheck(null, bound),
                new DemoCertificateCheck(DemoMutualTls.ThumbprintOf(client.RotatedCertificate), bound),
            ],
            stack.CertificateChecks);
    }

    [Fact]
    public async Task After_a_certificate_rotation_the_client_requests_a_new_token_and_never_sends_the_old_one()
    {
        await using var stack = await DemoStack.StartAsync(new DemoStackOptions { MutualTls = true });
        var client = stack.MutualTls!.SelfSigned;
        using var files = new CertificateFiles();
        // The first certificate as one PEM file with its key; the second as a certificate file and a key file.
        var first = files.Pem(client.Certificate, "first");
        var (second, secondKey) = files.PemPair(client.RotatedCertificate, "second");
        var configuration = stack.MutualTlsConfiguration(("ClientCertificatePath", first));
        var services = new ServiceCollection();
        services.AddMutualTlsDemoClient(stack, configuration);
        await using var provider = services.BuildServiceProvider();
        var demo = provider.GetRequiredService<IDemoClient>();
        await demo.GetWeatherAsync("Oslo");
        var callsBefore = stack.CertificateChecks.Count;

        // The certificate store now holds the renewed certificate; the configuration reloads as a file provider would.
        configuration["ClientCertificatePath"] = second;
        configuration["ClientCertificateKeyPath"] = secondKey;
        configuration.Reload();
        await demo.GetWeatherAsync("Bergen");
        await demo.GetWeatherAsync("Tromsø");

        var (old, renewed) = (DemoMutualTls.ThumbprintOf(client.Certificate), DemoMutualTls.ThumbprintOf(client.RotatedCertificate));
        Assert.Equal([old, renewed], stack.TokenRequests.Select(request => request.CertificateThumbprint));
        Assert.All(stack.TokenRequests, request => Assert.True(request.Succeeded, request.Error));
        // Every call after the rotation went over connections presenting the new certificate, with the token bound to
        // it; none was refused, so the old token was not tried on the new connection and then replaced.
        Assert.All(stack.CertificateChecks.Skip(callsBefore), check => Assert.Equal(new DemoCertificateCheck(renewed, renewed), check));
        Assert.True(stack.CertificateChecks.Count > callsBefore);
        Assert.Equal(0, stack.Mcp401Count);
    }
}
