using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// Mutual TLS (RFC 8705) end to end through a generated client, against a demo stack started with
/// <see cref="DemoStackOptions.MutualTls"/>: OpenIddict authenticates the client by the certificate of the TLS handshake
/// at its mTLS token endpoint alias and binds the token to it, and the MCP server, over HTTPS, lets a call through only
/// when the token is bound to the certificate of the connection it came on.
/// </summary>
public sealed class MutualTlsEndToEndTests
{
    /// <summary>Which client, and whether its method is configured or left to <c>Auto</c>.</summary>
    public static TheoryData<string, bool> Clients() => new()
    {
        { DemoMutualTls.SelfSignedClientId, false },
        { DemoMutualTls.SelfSignedClientId, true },
        { DemoMutualTls.PkiClientId, false },
        { DemoMutualTls.PkiClientId, true },
    };

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task A_client_authenticates_by_its_certificate_and_the_MCP_server_sees_it_with_the_token_bound_to_it(string clientId, bool auto)
    {
        await using var stack = await StartAsync();
        var client = Client(stack, clientId);
        var options = stack.MutualTlsOptions(client);
        if (auto)
        {
            options.ClientAuthentication = ClientAuthenticationMethod.Auto;
        }

        await using (var generated = DemoClient.Create(options))
        {
            Assert.Equal("Oslo", (await generated.GetWeatherAsync("Oslo")).City);
            Assert.Equal("Bergen", (await generated.GetWeatherAsync("Bergen")).City);
        }

        var thumbprint = DemoMutualTls.ThumbprintOf(client.Certificate);
        var request = Assert.Single(stack.TokenRequests);
        Assert.True(request.Succeeded, request.Error);
        Assert.Equal(client.ClientId, request.ClientId);
        Assert.Equal(client.AuthenticationMethod, request.AuthenticationMethod);
        // Only the HTTPS alias can see a certificate: the plain token endpoint has no TLS handshake.
        Assert.Equal(thumbprint, request.CertificateThumbprint);
        Assert.NotEmpty(stack.CertificateChecks);
        Assert.All(stack.CertificateChecks, check => Assert.Equal(new DemoCertificateCheck(thumbprint, thumbprint), check));
        Assert.Equal(0, stack.Mcp401Count);
    }

    [Fact]
    public async Task Through_dependency_injection_the_factory_primary_handler_presents_a_certificate_read_from_a_PFX_file()
    {
        await using var stack = await StartAsync();
        var client = stack.MutualTls!.SelfSigned;
        using var files = new CertificateFiles();
        var configuration = stack.MutualTlsConfiguration(
            ("ClientCertificatePath", files.Pfx(client.Certificate, "client", "pfx-password-61c2")), ("ClientCertificatePassword", "pfx-password-61c2"));
        var services = new ServiceCollection();
        services.AddMutualTlsDemoClient(stack, configuration);
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.Equal("Oslo", (await provider.GetRequiredService<IDemoClient>().GetWeatherAsync("Oslo")).City);
        }

        var thumbprint = DemoMutualTls.ThumbprintOf(client.Certificate);
        Assert.Equal(thumbprint, Assert.Single(stack.TokenRequests).CertificateThumbprint);
        Assert.All(stack.CertificateChecks, check => Assert.True(check.Accepted && check.PresentedThumbprint == thumbprint));
    }

    [Fact]
    public async Task A_certificate_the_server_does_not_know_is_refused_with_advice_and_no_call_gets_through()
    {
        await using var stack = await StartAsync();
        using var stranger = Tests.Support.TestCertificates.SelfSigned($"CN={DemoMutualTls.SelfSignedClientId}");
        var options = stack.MutualTlsOptions(stack.MutualTls!.SelfSigned);
        options.ClientCertificate = stranger;

        await using var generated = DemoClient.Create(options);
        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => generated.GetWeatherAsync("Oslo"));

        Assert.Equal("invalid_client", error.Error);
        Assert.Contains("client certificate", error.Message, StringComparison.Ordinal);
        Assert.Equal(DemoMutualTls.ThumbprintOf(stranger), Assert.Single(stack.TokenRequests).CertificateThumbprint);
        Assert.Empty(stack.CertificateChecks);
    }

    [Fact]
    public async Task Without_ServerCertificateAuthorities_a_self_signed_server_certificate_is_refused_before_any_credential_is_sent()
    {
        await using var stack = await StartAsync();
        var options = stack.MutualTlsOptions(stack.MutualTls!.SelfSigned);
        options.ServerCertificateAuthorities = null;

        await using var generated = DemoClient.Create(options);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => generated.GetWeatherAsync("Oslo"));

        Assert.Contains("SSL", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(stack.TokenRequests);
        Assert.Equal(0, stack.McpRequestCount);
    }

    private static Task<DemoStack> StartAsync() => DemoStack.StartAsync(new DemoStackOptions { MutualTls = true });

    private static DemoMtlsClient Client(DemoStack stack, string clientId) =>
        clientId == DemoMutualTls.PkiClientId ? stack.MutualTls!.Pki : stack.MutualTls!.SelfSigned;
}
