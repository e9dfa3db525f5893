using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using McpClientGen.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpClientGen.Tests;

/// <summary>
/// <see cref="McpConnectionOptions.ClientSecretFile"/> and <see cref="McpConnectionOptions.PrivateKeyFile"/> against a
/// <see cref="LoopbackStub"/> token endpoint that records what it receives: the file's content is what is sent; a file
/// the platform rewrites (a plain replace, or a Kubernetes secret volume's <c>..data</c> symlink swap) is used by the next
/// token request without a restart, keys a cache entry of its own, and is read again when the server refuses the client
/// during a rotation; a token from the old secret stays in use until it is due. No sleeps: the fake clock moves time.
/// </summary>
public sealed class CredentialFileTests
{
    private const string TokenPath = "/token";
    private static readonly Uri Unreachable = new("http://127.0.0.1:1/");
    private const string ClientId = "file-client";
    private const string OldSecret = "old-secret-from-the-mounted-file-4f1c";
    private const string NewSecret = "new-secret-from-the-mounted-file-9b2e";

    [Theory]
    [InlineData(MountedSecret.Layout.Docker)]
    [InlineData(MountedSecret.Layout.Kubernetes)]
    public async Task A_rewritten_secret_file_is_sent_by_the_next_token_request_without_a_restart(MountedSecret.Layout layout)
    {
        await using var stub = await TokenStub(Respond.Token());
        using var secret = new MountedSecret(OldSecret + "\n", layout: layout);
        using var engine = new TokenEngine(FileOptions(stub.BaseAddress, secretFile: secret.Path), new FakeClock());

        await engine.TokenAsync();
        secret.Write(NewSecret + "\n");
        engine.ExpireTokens();
        await engine.TokenAsync();

        // The line break a file usually ends with is not part of the secret.
        Assert.Equal([OldSecret, NewSecret], stub.RequestsTo(TokenPath).Select(request => request.Form["client_secret"]));
    }

    [Fact]
    public async Task A_token_from_the_old_secret_stays_in_use_until_it_is_due_for_refresh()
    {
        await using var stub = await TokenStub(Respond.Token("first-token"), Respond.Token("second-token"));
        using var secret = new MountedSecret(OldSecret);
        using var engine = new TokenEngine(FileOptions(stub.BaseAddress, secretFile: secret.Path), new FakeClock());

        var first = await engine.TokenAsync();
        secret.Write(NewSecret);
        var again = await engine.TokenAsync();

        Assert.Equal("first-token", again.Value);
        Assert.Same(first, again);
        Assert.Single(stub.RequestsTo(TokenPath));
    }

    [Fact]
    public async Task A_changed_secret_file_keys_a_cache_entry_of_its_own()
    {
        await using var stub = await TokenStub(Respond.Token("first-token"), Respond.Token("second-token"));
        using var secret = new MountedSecret(OldSecret);
        var shared = new InMemorySharedTokenStore();
        using var engine = new TokenEngine(FileOptions(stub.BaseAddress, secretFile: secret.Path), new FakeClock(), shared);

        await engine.TokenAsync();
        secret.Write(NewSecret);
        engine.ExpireTokens();
        await engine.TokenAsync();

        var keys = shared.Writes.Select(write => write.Key).ToList();
        Assert.Equal(2, keys.Count);
        Assert.NotEqual(keys[0], keys[1]);
        Assert.DoesNotContain(OldSecret, keys[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_server_refuses_the_client_and_the_file_changed_meanwhile_the_request_is_made_again_with_the_new_secret()
    {
        await using var stub = await LoopbackStub.StartAsync();
        using var secret = new MountedSecret(OldSecret);

        // The platform rotates the secret while the first request is under way: the server already knows only the new one.
        stub.Map(TokenPath, Respond.Sequence(
            context =>
            {
                secret.Write(NewSecret);
                return InvalidClient(context);
            },
            Respond.Token()));
        using var engine = new TokenEngine(FileOptions(stub.BaseAddress, secretFile: secret.Path), new FakeClock());

        await engine.TokenAsync();

        Assert.Equal([OldSecret, NewSecret], stub.RequestsTo(TokenPath).Select(request => request.Form["client_secret"]));
    }

    [Fact]
    public async Task A_refusal_with_an_unchanged_file_is_not_retried_and_names_neither_the_secret_nor_its_file_content()
    {
        await using var stub = await TokenStub(InvalidClient, Respond.Token());
        using var secret = new MountedSecret(OldSecret);
        using var engine = new TokenEngine(FileOptions(stub.BaseAddress, secretFile: secret.Path), new FakeClock());

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        Assert.Single(stub.RequestsTo(TokenPath));
        Assert.Equal("invalid_client", error.Error);
        Assert.DoesNotContain(OldSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_file_removed_after_start_fails_the_token_request_naming_the_option_and_path_and_nothing_is_sent()
    {
        await using var stub = await TokenStub(Respond.Token());
        var secret = new MountedSecret(OldSecret);
        using var engine = new TokenEngine(FileOptions(stub.BaseAddress, secretFile: secret.Path), new FakeClock());

        secret.Delete();
        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        Assert.Contains($"ClientSecretFile '{secret.Path}' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.RequestsTo(TokenPath));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rewritten_key_file_signs_the_next_assertion_with_the_new_key(bool asJwk)
    {
        await using var stub = await TokenStub(Respond.Token());
        using var oldKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var newKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var file = new MountedSecret(KeyText(oldKey, asJwk), "client-key", MountedSecret.Layout.Kubernetes);
        using var engine = new TokenEngine(FileOptions(stub.BaseAddress, keyFile: file.Path), new FakeClock());

        await engine.TokenAsync();
        file.Write(KeyText(newKey, asJwk));
        engine.ExpireTokens();
        await engine.TokenAsync();

        var assertions = stub.RequestsTo(TokenPath).Select(request => request.Form["client_assertion"]).ToList();
        Assert.Equal(2, assertions.Count);
        Assert.True(await SignedBy(assertions[0], oldKey));
        Assert.False(await SignedBy(assertions[0], newKey));
        Assert.True(await SignedBy(assertions[1], newKey));
    }

    [Fact]
    public async Task A_rewritten_client_certificate_file_is_presented_from_the_next_token_request_and_keys_its_tokens()
    {
        await using var stub = await TokenStub(Respond.Token("first-token"), Respond.Token("second-token"));
        using var first = TestCertificates.SelfSigned("CN=first");
        using var second = TestCertificates.SelfSigned("CN=second");
        using var file = new MountedSecret(CertificatePem(first), "tls.pem", MountedSecret.Layout.Kubernetes);
        var shared = new InMemorySharedTokenStore();
        var options = FileOptions(stub.BaseAddress);
        options.ClientCertificatePath = file.Path;
        options.ClientAuthentication = ClientAuthenticationMethod.SelfSignedTlsClientAuth;
        using var engine = new TokenEngine(options, new FakeClock(), shared);

        var old = await engine.TokenAsync();
        file.Write(CertificatePem(second));
        engine.ExpireTokens();
        var renewed = await engine.TokenAsync();

        Assert.Equal(ClientCertificate.ThumbprintOf(first), old.Certificate?.Thumbprint);
        Assert.Equal(ClientCertificate.ThumbprintOf(second), renewed.Certificate?.Thumbprint);
        Assert.Equal(ClientCertificate.ThumbprintOf(second), engine.Provider.CurrentCertificate?.Thumbprint);
        Assert.Equal(
            [ClientCertificate.ThumbprintOf(first), ClientCertificate.ThumbprintOf(second)],
            shared.Writes.Select(write => write.Entry.CertificateThumbprint));
        Assert.NotEqual(shared.Writes[0].Key, shared.Writes[1].Key);
    }

    [Fact]
    public void A_missing_file_is_reported_at_start_with_its_option_and_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "mcpgen-no-such-dir", "client-secret");

        var secretError = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(FileOptions(Unreachable, secretFile: path)));
        var keyError = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(FileOptions(Unreachable, keyFile: path)));

        Assert.Contains($"ClientSecretFile '{path}' does not exist", secretError.Message, StringComparison.Ordinal);
        Assert.Contains($"PrivateKeyFile '{path}' does not exist", keyError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_credential_and_its_file_together_are_refused()
    {
        using var secret = new MountedSecret(OldSecret);
        var both = FileOptions(Unreachable, secretFile: secret.Path);
        both.ClientSecret = "inline";
        var keys = FileOptions(Unreachable, keyFile: secret.Path);
        keys.PrivateKey = "inline";

        Assert.Contains("either ClientSecret or ClientSecretFile, not both", Assert.Throws<InvalidOperationException>(() => McpConnection.Create(both)).Message, StringComparison.Ordinal);
        Assert.Contains("not PrivateKey and PrivateKeyFile", Assert.Throws<InvalidOperationException>(() => McpConnection.Create(keys)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbCwganVzdCB0ZXh0IHRoYXQgbXVzdCBub3QgbGVhaw==\n-----END PRIVATE KEY-----\n")]
    public void A_key_file_without_a_usable_key_is_reported_with_its_path_and_never_its_content(string content)
    {
        using var file = new MountedSecret(content, "client-key");

        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(FileOptions(Unreachable, keyFile: file.Path)));

        Assert.Contains($"PrivateKeyFile '{file.Path}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("bm90IGEga2V5", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_options_are_bound_from_configuration_and_shown_by_path_only()
    {
        using var secret = new MountedSecret(OldSecret);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClientSecretFile"] = secret.Path,
            ["PrivateKeyFile"] = "/var/run/secrets/mcp/client-key",
        }).Build();

        var options = McpConnectionOptions.FromConfiguration(configuration);

        Assert.Equal(secret.Path, options.ClientSecretFile);
        Assert.Equal("/var/run/secrets/mcp/client-key", options.PrivateKeyFile);
        Assert.Contains($"ClientSecretFile={secret.Path}", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(OldSecret, options.ToString(), StringComparison.Ordinal);
    }

    private static async Task<LoopbackStub> TokenStub(params Func<HttpContext, Task>[] answers)
    {
        var stub = await LoopbackStub.StartAsync();
        stub.Map(TokenPath, Respond.Sequence(answers));
        return stub;
    }

    private static Task InvalidClient(HttpContext context) =>
        Respond.Json(HttpStatusCode.Unauthorized, """{"error":"invalid_client","error_description":"unknown client or wrong secret"}""")(context);

    /// <summary>A client of the token endpoint at <paramref name="server"/>, with <c>client_secret_post</c> for a secret, so the form shows it.</summary>
    private static McpConnectionOptions FileOptions(Uri server, string? secretFile = null, string? keyFile = null) => new()
    {
        Endpoint = new Uri(server, "/mcp"),
        TokenEndpoint = new Uri(server, TokenPath),
        AssertionAudience = AssertionAudience.TokenEndpoint,
        ClientId = ClientId,
        ClientSecretFile = secretFile,
        PrivateKeyFile = keyFile,
        ClientAuthentication = secretFile is null ? ClientAuthenticationMethod.Auto : ClientAuthenticationMethod.ClientSecretPost,
    };

    private static string CertificatePem(X509Certificate2 certificate)
    {
        using var key = certificate.GetECDsaPrivateKey()!;
        return certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem();
    }

    private static string KeyText(ECDsa key, bool asJwk)
    {
        if (!asJwk)
        {
            return key.ExportPkcs8PrivateKeyPem();
        }

        var parameters = key.ExportParameters(includePrivateParameters: true);
        return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(parameters.Q.X),
            ["y"] = Base64UrlEncoder.Encode(parameters.Q.Y),
            ["d"] = Base64UrlEncoder.Encode(parameters.D),
        });
    }

    private static async Task<bool> SignedBy(string assertion, ECDsa key)
    {
        // Not disposed: the library caches verifiers by key thumbprint, and a later check with the same key would get a disposed one.
        var publicKey = ECDsa.Create(key.ExportParameters(includePrivateParameters: false));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKey = new ECDsaSecurityKey(publicKey),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        Assert.True(result.IsValid || result.Exception is SecurityTokenInvalidSignatureException, result.Exception?.ToString());
        return result.IsValid;
    }
}
