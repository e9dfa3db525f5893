using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using McpClientGen.Testing;
using McpClientGen.Tests.Support;

namespace McpClientGen.Tests;

/// <summary>
/// Options never show their secrets, and the leak scan that the flow tests rely on (<see cref="SecretForms"/>; the
/// flows themselves are in McpClientGen.IntegrationTests, SecretLogScanTests, and McpClientGen.Cli.Tests, SecretTests)
/// recognises a secret in each form a careless log line would show it in, built here the way HTTP and JSON code
/// builds it rather than by the scan's own formulas.
/// </summary>
public sealed class SecretHygieneTests
{
    private const string ClientId = "billing svc/ü";
    private const string Secret = "s3cret +/=&%:é\"<-value-7d1";

    [Fact]
    public void Options_never_show_their_secrets()
    {
        var options = new McpConnectionOptions
        {
            ClientSecret = "secret-value-1b7e",
            PrivateKey = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49\n-----END PRIVATE KEY-----",
            PrivateKeyPassword = "password-value-93c1",
            ClientCertificatePath = "/etc/mcp/client.pfx",
            ClientCertificatePassword = "password-value-4e27",
        };

        var text = options.ToString();

        Assert.DoesNotContain("secret-value-1b7e", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MIGHAgEA", text, StringComparison.Ordinal);
        Assert.DoesNotContain("password-value-93c1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("password-value-4e27", text, StringComparison.Ordinal);
    }

    /// <summary>Log lines that leak the secret without containing it as typed, each built as real code would build it.</summary>
    public static TheoryData<string, string> Leaks()
    {
        var formEncodedPair = $"{WebUtility.UrlEncode(ClientId)}:{WebUtility.UrlEncode(Secret)}";
        var rawPair = $"{ClientId}:{Secret}";
        return new TheoryData<string, string>
        {
            { "client_secret_basic header (RFC 6749 §2.3.1)", $"Authorization: Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes(formEncodedPair))}" },
            { "Basic header without form-encoding", $"Authorization: Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes(rawPair))}" },
            { "client_secret_post body", FormBody(("client_id", ClientId), ("client_secret", Secret)) },
            { "percent-encoded query", $"GET /token?client_secret={Uri.EscapeDataString(Secret)}" },
            { "JSON", JsonSerializer.Serialize(new { client_secret = Secret }) },
            { "base64url", Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret)).TrimEnd('=').Replace('+', '-').Replace('/', '_') },
            { "a truncated secret", $"secret starts {Secret[3..15]}…" },
        };
    }

    [Theory]
    [MemberData(nameof(Leaks))]
    public void The_leak_scan_finds_a_client_secret_that_a_search_for_the_raw_text_misses(string leak, string logLine)
    {
        var findings = new SecretForms().AddClientSecret(ClientId, Secret).FindIn([("log line 1", logLine)]);

        Assert.DoesNotContain(Secret, logLine, StringComparison.Ordinal);
        Assert.True(findings.Count > 0, $"The scan missed the {leak}.");
        Assert.All(findings, finding => Assert.DoesNotContain(Secret, finding, StringComparison.Ordinal));
    }

    [Fact]
    public void The_leak_scan_finds_any_segment_of_a_token_and_any_line_of_a_key_and_passes_clean_text()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportPkcs8PrivateKeyPem();
        var jwt = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJiaWxsaW5nIn0.MEUCIQD3fakeSignatureSegmentForTheScanOnly";
        var secrets = new SecretForms().AddClientSecret(ClientId, Secret).AddToken("access token", jwt).AddPrivateKey(pem);

        Assert.Contains("access token, signature segment in line", secrets.FindIn([("line", $"sig={jwt.Split('.')[2]}")]));
        Assert.Contains("private key, a base64 line of its PEM in line", secrets.FindIn([("line", pem.Split('\n')[2])]));
        Assert.Empty(secrets.FindIn([("line", $"Access token for client {ClientId} received; it expires at 2030-01-02T04:04:05.0000000+00:00.")]));
    }

    [Fact]
    public void The_leak_scan_finds_a_certificate_private_key_in_any_encoding_it_exports_to_and_a_password_form_encoded()
    {
        using var certificate = TestCertificates.SelfSigned();
        using var key = certificate.GetECDsaPrivateKey()!;
        const string password = "pfx pass+word/61c2";
        var secrets = new SecretForms().AddCertificatePrivateKey(certificate).AddSecret("certificate password", password);

        // As a careless line would print it: the PKCS#8 bytes as one base64 line, or SEC1 PEM, the certificate's own format.
        Assert.NotEmpty(secrets.FindIn([("line", "key=" + Convert.ToBase64String(key.ExportPkcs8PrivateKey()))]));
        Assert.NotEmpty(secrets.FindIn([("line", key.ExportECPrivateKeyPem())]));
        Assert.NotEmpty(secrets.FindIn([("line", FormBody(("password", password)))]));
        // The certificate itself is public: printing it is no leak.
        Assert.Empty(secrets.FindIn([("line", certificate.ExportCertificatePem())]));
    }

    private static string FormBody(params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(field => KeyValuePair.Create(field.Name, field.Value)));
        using var reader = new StreamReader(content.ReadAsStream());
        return reader.ReadToEnd();
    }
}
