using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using McpClientGen.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpClientGen.Tests;

/// <summary>
/// What a token request carries: client authentication (RFC 6749 §2.3.1, RFC 7523), grant, scope, resource and
/// extra parameters, as recorded by a <see cref="LoopbackStub"/> token endpoint that answers with a valid token.
/// Client assertions are validated with <see cref="JsonWebTokenHandler"/> against the public half of the key.
/// </summary>
public sealed class TokenRequestFormTests
{
    private const string TokenPath = "/token";
    private const string ClientId = "form-client";
    private const string ClientSecret = "form-secret";

    // RSA keys are slow to generate; every test imports its own key object from this text.
    private static readonly Lazy<string> RsaPkcs8Pem = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    });

    // ---- client_secret_basic / client_secret_post ----

    [Fact]
    public async Task Client_secret_basic_form_encodes_id_and_secret_before_base64()
    {
        await using var stub = await TokenStub();
        var options = SecretOptions(stub, ClientAuthenticationMethod.ClientSecretBasic);
        options.ClientId = "id:with space+plus%pct-ü";
        options.ClientSecret = "se:cret word+plus%pct-é";

        var request = await TokenRequestAsync(stub, options);

        var authorization = request.Header("Authorization");
        Assert.NotNull(authorization);
        Assert.StartsWith("Basic ", authorization, StringComparison.Ordinal);
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));
        Assert.Equal("id%3Awith+space%2Bplus%25pct-%C3%BC:se%3Acret+word%2Bplus%25pct-%C3%A9", decoded);
        Assert.False(request.Form.ContainsKey("client_secret"));
    }

    [Fact]
    public async Task Client_secret_basic_credentials_decode_back_to_the_configured_id_and_secret()
    {
        await using var stub = await TokenStub();
        var options = SecretOptions(stub, ClientAuthenticationMethod.ClientSecretBasic);
        options.ClientId = "id:with space+plus%pct-ü";
        options.ClientSecret = "se:cret word+plus%pct-é";

        var request = await TokenRequestAsync(stub, options);

        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(request.Header("Authorization")!["Basic ".Length..]));
        var separator = pair.IndexOf(':', StringComparison.Ordinal);
        Assert.Equal(options.ClientId, WebUtility.UrlDecode(pair[..separator]));
        Assert.Equal(options.ClientSecret, WebUtility.UrlDecode(pair[(separator + 1)..]));
    }

    [Fact]
    public async Task Client_secret_post_sends_id_and_secret_in_the_body_and_no_Authorization_header()
    {
        await using var stub = await TokenStub();
        var options = SecretOptions(stub, ClientAuthenticationMethod.ClientSecretPost);
        options.ClientSecret = "se:cret word+plus%pct-é";

        var request = await TokenRequestAsync(stub, options);

        Assert.Null(request.Header("Authorization"));
        Assert.Equal(ClientId, request.Form["client_id"]);
        Assert.Equal("se:cret word+plus%pct-é", request.Form["client_secret"]);
    }

    // ---- grant, scope, resource, extra parameters ----

    [Fact]
    public async Task The_grant_type_is_client_credentials()
    {
        await using var stub = await TokenStub();

        var request = await TokenRequestAsync(stub, SecretOptions(stub));

        Assert.Equal("POST", request.Method);
        Assert.Equal("client_credentials", request.Form["grant_type"]);
    }

    [Fact]
    public async Task No_scope_is_sent_when_none_is_configured()
    {
        await using var stub = await TokenStub();

        var request = await TokenRequestAsync(stub, SecretOptions(stub));

        Assert.False(request.Form.ContainsKey("scope"));
    }

    [Fact]
    public async Task Configured_scopes_are_sent_sorted_and_space_separated()
    {
        await using var stub = await TokenStub();
        var options = SecretOptions(stub);
        options.Scopes = "b a";

        var request = await TokenRequestAsync(stub, options);

        Assert.Equal("a b", request.Form["scope"]);
    }

    [Theory]
    [InlineData(ResourceIndicatorMode.Auto)]
    [InlineData(ResourceIndicatorMode.Always)]
    public async Task The_resource_is_the_MCP_endpoint(ResourceIndicatorMode mode)
    {
        await using var stub = await TokenStub();
        var options = SecretOptions(stub);
        options.ResourceIndicator = mode;

        var request = await TokenRequestAsync(stub, options);

        Assert.Equal(stub.Url("/mcp").AbsoluteUri, request.Form["resource"]);
    }

    [Fact]
    public async Task ResourceIndicator_Never_sends_no_resource()
    {
        await using var stub = await TokenStub();
        var options = SecretOptions(stub);
        options.ResourceIndicator = ResourceIndicatorMode.Never;

        var request = await TokenRequestAsync(stub, options);

        Assert.False(request.Form.ContainsKey("resource"));
    }

    [Fact]
    public async Task Additional_token_parameters_are_sent()
    {
        await using var stub = await TokenStub();
        var options = SecretOptions(stub);
        options.AdditionalTokenParameters["audience"] = "https://api.example.com";

        var request = await TokenRequestAsync(stub, options);

        Assert.Equal("https://api.example.com", request.Form["audience"]);
    }

    [Theory]
    [InlineData("grant_type")]
    [InlineData("client_id")]
    [InlineData("client_secret")]
    [InlineData("client_assertion")]
    [InlineData("client_assertion_type")]
    [InlineData("scope")]
    [InlineData("resource")]
    public void A_reserved_additional_token_parameter_is_rejected_at_Create(string name)
    {
        var options = OfflineOptions();
        options.ClientSecret = ClientSecret;
        options.ClientAuthentication = ClientAuthenticationMethod.Auto;
        options.AdditionalTokenParameters[name] = "x";

        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(options));

        Assert.Contains("AdditionalTokenParameters", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    // ---- private_key_jwt: the assertion ----

    [Fact]
    public async Task Private_key_jwt_sends_a_jwt_bearer_assertion_and_no_secret()
    {
        await using var stub = await TokenStub();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var request = await TokenRequestAsync(stub, KeyOptions(stub, key.ExportPkcs8PrivateKeyPem()));

        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", request.Form["client_assertion_type"]);
        Assert.False(string.IsNullOrEmpty(request.Form["client_assertion"]));
        Assert.Equal(ClientId, request.Form["client_id"]);
        Assert.False(request.Form.ContainsKey("client_secret"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task An_ES256_assertion_is_signed_by_the_key_and_names_client_and_token_endpoint()
    {
        await using var stub = await TokenStub();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var request = await TokenRequestAsync(stub, KeyOptions(stub, key.ExportPkcs8PrivateKeyPem()));

        var assertion = await ValidAssertionAsync(request, PublicKey(key), stub, "ES256");
        Assert.Equal("ES256", assertion.Alg);
        Assert.Equal(ClientId, assertion.Issuer);
        Assert.Equal(ClientId, assertion.Subject);
        Assert.Equal(stub.Url(TokenPath).AbsoluteUri, Assert.Single(assertion.Audiences));
    }

    [Fact]
    public async Task A_custom_audience_is_used_as_given_and_the_type_is_client_authentication_jwt()
    {
        await using var stub = await TokenStub();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = KeyOptions(stub, key.ExportPkcs8PrivateKeyPem());
        options.AssertionAudience = AssertionAudience.Custom;
        options.CustomAssertionAudience = "https://login.example.com/tenant";

        var request = await TokenRequestAsync(stub, options);

        var assertion = new JsonWebToken(request.Form["client_assertion"]);
        Assert.Equal("https://login.example.com/tenant", Assert.Single(assertion.Audiences));
        Assert.Equal("client-authentication+jwt", assertion.Typ);
    }

    [Fact]
    public async Task An_assertion_is_issued_now_on_the_fake_clock_lives_at_most_five_minutes_and_has_a_jti()
    {
        await using var stub = await TokenStub();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var request = await TokenRequestAsync(stub, KeyOptions(stub, key.ExportPkcs8PrivateKeyPem()));

        var assertion = await ValidAssertionAsync(request, PublicKey(key), stub, "ES256");
        Assert.Equal(FakeClock.DefaultStart.UtcDateTime, assertion.IssuedAt);
        Assert.Equal(FakeClock.DefaultStart.UtcDateTime, assertion.ValidFrom);
        Assert.InRange(assertion.ValidTo - assertion.IssuedAt, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Assert.False(string.IsNullOrEmpty(assertion.Id));
    }

    [Fact]
    public async Task Two_token_requests_carry_different_jtis()
    {
        await using var stub = await TokenStub();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var engine = new TokenEngine(KeyOptions(stub, key.ExportPkcs8PrivateKeyPem()), new FakeClock());

        await engine.TokenThroughRetriesAsync();
        engine.ExpireTokens();
        await engine.TokenThroughRetriesAsync();

        var requests = stub.RequestsTo(TokenPath);
        Assert.Equal(2, requests.Count);
        var first = await ValidAssertionAsync(requests[0], PublicKey(key), stub, "ES256");
        var second = await ValidAssertionAsync(requests[1], PublicKey(key), stub, "ES256");
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task A_retried_token_request_carries_a_new_assertion_on_each_attempt()
    {
        await using var stub = await TokenStub(Respond.Status(HttpStatusCode.ServiceUnavailable), Respond.Token());
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var engine = new TokenEngine(KeyOptions(stub, key.ExportPkcs8PrivateKeyPem()), new FakeClock());

        await engine.TokenThroughRetriesAsync();

        var requests = stub.RequestsTo(TokenPath);
        Assert.Equal(2, requests.Count);
        Assert.NotEqual(requests[0].Form["client_assertion"], requests[1].Form["client_assertion"]);
        var first = await ValidAssertionAsync(requests[0], PublicKey(key), stub, "ES256");
        var second = await ValidAssertionAsync(requests[1], PublicKey(key), stub, "ES256");
        Assert.NotEqual(first.Id, second.Id);
    }

    // ---- private_key_jwt: key formats and algorithms ----

    [Theory]
    [InlineData(null, "RS256")]
    [InlineData("RS256", "RS256")]
    [InlineData("PS256", "PS256")]
    public async Task An_RSA_key_signs_with_the_configured_algorithm(string? configured, string expected)
    {
        await using var stub = await TokenStub();
        using var key = RSA.Create();
        key.ImportFromPem(RsaPkcs8Pem.Value);
        var options = KeyOptions(stub, RsaPkcs8Pem.Value);
        options.SigningAlgorithm = configured;

        var request = await TokenRequestAsync(stub, options);

        var assertion = await ValidAssertionAsync(request, PublicKey(key), stub, expected);
        Assert.Equal(expected, assertion.Alg);
    }

    [Fact]
    public async Task A_PKCS1_RSA_PRIVATE_KEY_pem_is_accepted()
    {
        await using var stub = await TokenStub();
        using var key = RSA.Create();
        key.ImportFromPem(RsaPkcs8Pem.Value);

        var request = await TokenRequestAsync(stub, KeyOptions(stub, key.ExportRSAPrivateKeyPem()));

        await ValidAssertionAsync(request, PublicKey(key), stub, "RS256");
    }

    [Fact]
    public async Task A_SEC1_EC_PRIVATE_KEY_pem_is_accepted()
    {
        await using var stub = await TokenStub();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var request = await TokenRequestAsync(stub, KeyOptions(stub, key.ExportECPrivateKeyPem()));

        await ValidAssertionAsync(request, PublicKey(key), stub, "ES256");
    }

    [Fact]
    public async Task An_encrypted_PKCS8_EC_key_is_read_with_PrivateKeyPassword()
    {
        await using var stub = await TokenStub();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = KeyOptions(stub, key.ExportEncryptedPkcs8PrivateKeyPem("pass phrase", Pbe));
        options.PrivateKeyPassword = "pass phrase";

        var request = await TokenRequestAsync(stub, options);

        await ValidAssertionAsync(request, PublicKey(key), stub, "ES256");
    }

    [Fact]
    public async Task An_encrypted_PKCS8_RSA_key_is_read_with_PrivateKeyPassword()
    {
        await using var stub = await TokenStub();
        using var key = RSA.Create();
        key.ImportFromPem(RsaPkcs8Pem.Value);
        var options = KeyOptions(stub, key.ExportEncryptedPkcs8PrivateKeyPem("pass phrase", Pbe));
        options.PrivateKeyPassword = "pass phrase";

        var request = await TokenRequestAsync(stub, options);

        await ValidAssertionAsync(request, PublicKey(key), stub, "RS256");
    }

    [Fact]
    public async Task A_private_EC_JWK_signs_and_its_kid_is_the_assertion_kid()
    {
        await using var stub = await TokenStub();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var request = await TokenRequestAsync(stub, KeyOptions(stub, PrivateJwk(key, "ec-kid-1")));

        var assertion = await ValidAssertionAsync(request, PublicKey(key), stub, "ES256");
        Assert.Equal("ec-kid-1", assertion.Kid);
    }

    [Fact]
    public async Task A_private_RSA_JWK_signs_and_its_kid_is_the_assertion_kid()
    {
        await using var stub = await TokenStub();
        using var key = RSA.Create();
        key.ImportFromPem(RsaPkcs8Pem.Value);

        var request = await TokenRequestAsync(stub, KeyOptions(stub, PrivateJwk(key, "rsa-kid-1")));

        var assertion = await ValidAssertionAsync(request, PublicKey(key), stub, "RS256");
        Assert.Equal("rsa-kid-1", assertion.Kid);
    }

    [Fact]
    public async Task A_certificate_signs_and_the_assertion_carries_x5t_S256_and_kid()
    {
        await using var stub = await TokenStub();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=mcp-client", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var options = KeyOptions(stub, privateKey: null);
        options.SigningCertificate = certificate;

        var request = await TokenRequestAsync(stub, options);

        var assertion = await ValidAssertionAsync(request, PublicKey(key), stub, "ES256");
        var thumbprint = Base64Url.EncodeToString(SHA256.HashData(certificate.RawData));
        Assert.True(assertion.TryGetHeaderValue<string>("x5t#S256", out var x5t));
        Assert.Equal(thumbprint, x5t);
        Assert.Equal(thumbprint, assertion.Kid);
    }

    // ---- private_key_jwt: bad keys ----

    public enum BadKey
    {
        PemCutInTheMiddle,
        PemWithItsBodyShortened,
        PublicKeyPem,
        JwkWithoutD,
    }

    [Theory]
    [InlineData(BadKey.PemCutInTheMiddle)]
    [InlineData(BadKey.PemWithItsBodyShortened)]
    [InlineData(BadKey.PublicKeyPem)]
    [InlineData(BadKey.JwkWithoutD)]
    public void A_bad_key_fails_at_Create_naming_PrivateKey_without_repeating_it(BadKey kind)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var text = BadKeyText(key, kind);
        var options = OfflineOptions();
        options.PrivateKey = text;

        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(options));

        Assert.Contains("PrivateKey", error.Message, StringComparison.Ordinal);
        AssertShowsNoPartOf(text, error);
    }

    [Fact]
    public void An_EC_key_with_SigningAlgorithm_RS256_fails_at_Create_naming_PrivateKey_and_SigningAlgorithm()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = OfflineOptions();
        options.PrivateKey = key.ExportPkcs8PrivateKeyPem();
        options.SigningAlgorithm = "RS256";

        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(options));

        Assert.Contains("SigningAlgorithm", error.Message, StringComparison.Ordinal);
        Assert.Contains("PrivateKey", error.Message, StringComparison.Ordinal);
        AssertShowsNoPartOf(options.PrivateKey, error);
    }

    // ---- helpers ----

    private static PbeParameters Pbe => new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000);

    private static async Task<LoopbackStub> TokenStub(params Func<HttpContext, Task>[] answers)
    {
        var stub = await LoopbackStub.StartAsync();
        stub.Map(TokenPath, answers.Length == 0 ? Respond.Token() : Respond.Sequence(answers));
        return stub;
    }

    /// <summary>Gets one token with <paramref name="options"/> and returns the one token request the stub saw.</summary>
    private static async Task<RecordedRequest> TokenRequestAsync(LoopbackStub stub, McpConnectionOptions options)
    {
        using var engine = new TokenEngine(options, new FakeClock());
        await engine.TokenThroughRetriesAsync();
        return Assert.Single(stub.RequestsTo(TokenPath));
    }

    private static McpConnectionOptions SecretOptions(LoopbackStub stub, ClientAuthenticationMethod method = ClientAuthenticationMethod.Auto) => new()
    {
        Endpoint = stub.Url("/mcp"),
        TokenEndpoint = stub.Url(TokenPath),
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        ClientAuthentication = method,
    };

    private static McpConnectionOptions KeyOptions(LoopbackStub stub, string? privateKey) => new()
    {
        Endpoint = stub.Url("/mcp"),
        TokenEndpoint = stub.Url(TokenPath),
        ClientId = ClientId,
        PrivateKey = privateKey,
        ClientAuthentication = ClientAuthenticationMethod.PrivateKeyJwt,
        AssertionAudience = AssertionAudience.TokenEndpoint,
    };

    /// <summary>private_key_jwt options (the key still to be set) that <see cref="McpConnection.Create"/> would accept without contacting anything.</summary>
    private static McpConnectionOptions OfflineOptions() => new()
    {
        Endpoint = new Uri("http://127.0.0.1:9/mcp"),
        TokenEndpoint = new Uri("http://127.0.0.1:9/token"),
        ClientId = ClientId,
        ClientAuthentication = ClientAuthenticationMethod.PrivateKeyJwt,
        AssertionAudience = AssertionAudience.TokenEndpoint,
    };

    /// <summary>Validates the request's client assertion (signature, iss, aud, alg) and returns it.</summary>
    private static async Task<JsonWebToken> ValidAssertionAsync(RecordedRequest request, SecurityKey publicKey, LoopbackStub stub, string algorithm)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(request.Form["client_assertion"], new TokenValidationParameters
        {
            IssuerSigningKey = publicKey,
            ValidIssuer = ClientId,
            ValidAudience = stub.Url(TokenPath).AbsoluteUri,
            ValidAlgorithms = [algorithm],
            // The assertion was made on the fake clock; its times are asserted against that clock instead.
            ValidateLifetime = false,
        });
        Assert.True(result.IsValid, result.Exception?.ToString());
        return Assert.IsType<JsonWebToken>(result.SecurityToken);
    }

    private static ECDsaSecurityKey PublicKey(ECDsa key) => new(ECDsa.Create(key.ExportParameters(includePrivateParameters: false)));

    private static RsaSecurityKey PublicKey(RSA key) => new(key.ExportParameters(includePrivateParameters: false));

    private static string PrivateJwk(ECDsa key, string kid)
    {
        var p = key.ExportParameters(includePrivateParameters: true);
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64Url.EncodeToString(p.Q.X),
            ["y"] = Base64Url.EncodeToString(p.Q.Y),
            ["d"] = Base64Url.EncodeToString(p.D),
            ["kid"] = kid,
        });
    }

    private static string PrivateJwk(RSA key, string kid)
    {
        var p = key.ExportParameters(includePrivateParameters: true);
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["n"] = Base64Url.EncodeToString(p.Modulus),
            ["e"] = Base64Url.EncodeToString(p.Exponent),
            ["d"] = Base64Url.EncodeToString(p.D),
            ["p"] = Base64Url.EncodeToString(p.P),
            ["q"] = Base64Url.EncodeToString(p.Q),
            ["dp"] = Base64Url.EncodeToString(p.DP),
            ["dq"] = Base64Url.EncodeToString(p.DQ),
            ["qi"] = Base64Url.EncodeToString(p.InverseQ),
            ["kid"] = kid,
        });
    }

    private static string BadKeyText(ECDsa key, BadKey kind)
    {
        var pem = key.ExportPkcs8PrivateKeyPem();
        var lines = pem.Split('\n');
        return kind switch
        {
            BadKey.PemCutInTheMiddle => pem[..(pem.Length / 2)],
            BadKey.PemWithItsBodyShortened => string.Join('\n', lines.Where((line, index) => index != 1)),
            BadKey.PublicKeyPem => key.ExportSubjectPublicKeyInfoPem(),
            BadKey.JwkWithoutD => JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["kty"] = "EC",
                ["crv"] = "P-256",
                ["x"] = Base64Url.EncodeToString(key.ExportParameters(false).Q.X),
                ["y"] = Base64Url.EncodeToString(key.ExportParameters(false).Q.Y),
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>No 12-character piece of the key's encoded material appears anywhere in the exception.</summary>
    private static void AssertShowsNoPartOf(string keyText, Exception error)
    {
        var shown = error.ToString();
        var material = string.Concat(keyText.Split('\n').Where(line => !line.StartsWith("-----", StringComparison.Ordinal)))
            .Replace("\"", " ", StringComparison.Ordinal);
        foreach (var word in material.Split([' ', ',', ':', '{', '}', '\r'], StringSplitOptions.RemoveEmptyEntries).Where(word => word.Length >= 12))
        {
            for (var start = 0; start + 12 <= word.Length; start += 6)
            {
                Assert.DoesNotContain(word.Substring(start, 12), shown, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token", true)]
    [InlineData("https://login.microsoftonline.us/tenant/oauth2/v2.0/token", true)]
    [InlineData("https://login.microsoftonline.com/tenant/oauth2/token", false)]
    [InlineData("https://auth.example.com/oauth2/v2.0/token", false)]
    public void Auto_leaves_out_resource_only_for_Microsoft_Entra_v2_token_endpoints(string tokenEndpoint, bool isEntraV2) =>
        Assert.Equal(isEntraV2, TokenEndpointClient.IsEntraV2(new Uri(tokenEndpoint)));
}
