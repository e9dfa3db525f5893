using System.Security.Cryptography.X509Certificates;
using McpClientGen.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace McpClientGen.Tests;

/// <summary>The mutual-TLS options: validation, binding from configuration, and what <c>ToString</c> shows of them.</summary>
public sealed class ClientCertificateOptionsTests
{
    [Theory]
    [InlineData(ClientAuthenticationMethod.TlsClientAuth)]
    [InlineData(ClientAuthenticationMethod.SelfSignedTlsClientAuth)]
    public void A_tls_method_without_a_certificate_names_the_options_that_provide_one(ClientAuthenticationMethod method)
    {
        var options = Options();
        options.ClientAuthentication = method;

        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(options));

        Assert.Contains(nameof(McpConnectionOptions.ClientCertificatePath), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(McpConnectionOptions.ClientCertificateThumbprint), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_with_nothing_but_a_certificate_is_complete()
    {
        using var certificate = TestCertificates.SelfSigned();
        var options = Options();
        options.ClientCertificate = certificate;

        await using var connection = McpConnection.Create(options);

        Assert.Equal(options.Endpoint, connection.Endpoint);
    }

    [Fact]
    public void Auto_with_no_credential_at_all_mentions_the_certificate()
    {
        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(Options()));

        Assert.Contains("one of ClientSecret, ClientSecretFile, PrivateKey, PrivateKeyFile", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(McpConnectionOptions.ClientCertificatePath), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_certificate_sources_are_refused_naming_both()
    {
        using var certificate = TestCertificates.SelfSigned();
        var options = Options();
        options.ClientCertificate = certificate;
        options.ClientCertificateThumbprint = certificate.Thumbprint;

        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(options));

        Assert.Contains($"{nameof(McpConnectionOptions.ClientCertificate)} and {nameof(McpConnectionOptions.ClientCertificateThumbprint)}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(McpConnectionOptions.ClientCertificateKeyPath))]
    [InlineData(nameof(McpConnectionOptions.ClientCertificatePassword))]
    public void A_key_file_or_password_without_a_certificate_file_is_refused(string option)
    {
        using var certificate = TestCertificates.SelfSigned();
        var options = Options();
        options.ClientCertificate = certificate;
        if (option == nameof(McpConnectionOptions.ClientCertificateKeyPath))
        {
            options.ClientCertificateKeyPath = "/etc/mcp/client.key";
        }
        else
        {
            options.ClientCertificatePassword = "password-8b2f";
        }

        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(options));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("password-8b2f", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_certificate_options_bind_from_configuration()
    {
        var section = Configuration(
            ("ClientAuthentication", "TlsClientAuth"),
            ("ClientCertificatePath", "/etc/mcp/client.pem"),
            ("ClientCertificateKeyPath", "/etc/mcp/client.key"),
            ("ClientCertificatePassword", "password-1c4a"),
            ("ClientCertificateStoreLocation", "LocalMachine"));
        var store = Configuration(("ClientAuthentication", "selfsignedtlsclientauth"), ("ClientCertificateThumbprint", "AB CD EF"));

        var options = McpConnectionOptions.FromConfiguration(section);
        var fromStore = McpConnectionOptions.FromConfiguration(store);

        Assert.Equal(ClientAuthenticationMethod.TlsClientAuth, options.ClientAuthentication);
        Assert.Equal("/etc/mcp/client.pem", options.ClientCertificatePath);
        Assert.Equal("/etc/mcp/client.key", options.ClientCertificateKeyPath);
        Assert.Equal("password-1c4a", options.ClientCertificatePassword);
        Assert.Equal(StoreLocation.LocalMachine, options.ClientCertificateStoreLocation);
        Assert.Equal(ClientAuthenticationMethod.SelfSignedTlsClientAuth, fromStore.ClientAuthentication);
        Assert.Equal("AB CD EF", fromStore.ClientCertificateThumbprint);
        Assert.Equal(StoreLocation.CurrentUser, fromStore.ClientCertificateStoreLocation);
    }

    [Fact]
    public void A_store_location_that_does_not_parse_is_reported_with_its_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            McpConnectionOptions.FromConfiguration(Configuration(("ClientCertificateStoreLocation", "Cupboard"))));

        Assert.Contains(nameof(McpConnectionOptions.ClientCertificateStoreLocation), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_shows_where_the_certificate_comes_from_never_its_password_or_key()
    {
        using var certificate = TestCertificates.SelfSigned();
        var fromFile = Options();
        fromFile.ClientCertificatePath = "/etc/mcp/client.pfx";
        fromFile.ClientCertificatePassword = "password-77e0";
        var inCode = Options();
        inCode.ClientCertificate = certificate;
        var inStore = Options();
        inStore.ClientCertificateThumbprint = "ABCDEF";

        Assert.Contains("ClientCertificate=/etc/mcp/client.pfx", fromFile.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("password-77e0", fromFile.ToString(), StringComparison.Ordinal);
        Assert.Contains($"ClientCertificate={certificate.Thumbprint}", inCode.ToString(), StringComparison.Ordinal);
        Assert.Contains("ClientCertificate=CurrentUser/My/ABCDEF", inStore.ToString(), StringComparison.Ordinal);
        using var key = certificate.GetECDsaPrivateKey()!;
        var keyMaterial = key.ExportPkcs8PrivateKey();
        Assert.DoesNotContain(Convert.ToBase64String(keyMaterial)[..16], inCode.ToString(), StringComparison.Ordinal);
    }

    private static McpConnectionOptions Options() => new() { Endpoint = new Uri("https://mcp.example.com/mcp"), ClientId = "client" };

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>(value.Key, value.Value))).Build();
}
