using System.Security.Cryptography;
using McpClientGen.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static McpClientGen.Tests.Support.DiscoverableAuthorizationServer;

namespace McpClientGen.Tests;

/// <summary>
/// Which algorithm signs a client assertion when <see cref="McpConnectionOptions.SigningAlgorithm"/> is not set: the one
/// the key allows among the server's <c>token_endpoint_auth_signing_alg_values_supported</c> (for RSA the first of PS256,
/// RS256, PS384, RS384, PS512, RS512 listed), the key's default when the server lists none, and a clear error, before any
/// token request, when the key can use none of those listed. Each assertion is verified with the key's public half.
/// </summary>
public sealed class SigningAlgorithmChoiceTests
{
    private const string ClientId = "alg-client";

    // RSA keys are slow to generate; every test imports its own key object from this text.
    private static readonly Lazy<string> RsaPem = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    });

    [Theory]
    [InlineData(new[] { "RS256", "PS256" }, "PS256")]
    [InlineData(new[] { "ES256", "RS256" }, "RS256")]
    [InlineData(new[] { "RS512", "PS384", "RS384" }, "PS384")]
    [InlineData(new[] { "RS512", "ES256" }, "RS512")]
    [InlineData(new string[0], "RS256")]
    [InlineData(null, "RS256")]
    public async Task An_RSA_key_signs_with_the_preferred_algorithm_the_server_lists(string[]? listed, string expected)
    {
        using var key = RSA.Create();
        key.ImportFromPem(RsaPem.Value);

        var assertion = await AssertionAsync(listed, RsaPem.Value, configured: null, new RsaSecurityKey(key.ExportParameters(false)));

        Assert.Equal(expected, assertion.Alg);
    }

    [Theory]
    [InlineData("nistP256", new[] { "RS256", "ES384", "ES256" }, "ES256")]
    [InlineData("nistP384", new[] { "ES256", "ES384" }, "ES384")]
    [InlineData("nistP521", null, "ES512")]
    public async Task An_EC_key_signs_with_its_curve_s_algorithm_when_the_server_lists_it(string curve, string[]? listed, string expected)
    {
        using var key = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));

        var assertion = await AssertionAsync(listed, key.ExportPkcs8PrivateKeyPem(), configured: null, PublicKey(key));

        Assert.Equal(expected, assertion.Alg);
    }

    [Fact]
    public async Task A_configured_algorithm_is_used_even_when_the_server_lists_another()
    {
        using var key = RSA.Create();
        key.ImportFromPem(RsaPem.Value);

        var assertion = await AssertionAsync(["PS256"], RsaPem.Value, configured: "RS256", new RsaSecurityKey(key.ExportParameters(false)));

        Assert.Equal("RS256", assertion.Alg);
    }

    [Fact]
    public async Task An_EC_key_the_server_lists_no_algorithm_for_is_an_error_naming_both_sides_and_no_token_request()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var stub = await StartAsync(["private_key_jwt"], ["RS256", "PS256"]);
        using var engine = new TokenEngine(KeyOptions(stub, key.ExportPkcs8PrivateKeyPem(), configured: null), new FakeClock());

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        Assert.Contains("signed with RS256, PS256", error.Message, StringComparison.Ordinal);
        Assert.Contains("EC key on a 256-bit curve can sign only with ES256", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.RequestsTo(TokenPath));
    }

    [Fact]
    public async Task An_RSA_key_the_server_lists_no_algorithm_for_is_an_error_naming_both_sides_and_no_token_request()
    {
        await using var stub = await StartAsync(["private_key_jwt"], ["ES256", "EdDSA"]);
        using var engine = new TokenEngine(KeyOptions(stub, RsaPem.Value, configured: null), new FakeClock());

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        Assert.Contains("signed with ES256, EdDSA", error.Message, StringComparison.Ordinal);
        Assert.Contains("RSA key can sign only with PS256, RS256, PS384, RS384, PS512, RS512", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.RequestsTo(TokenPath));
    }

    // ---- helpers ----

    /// <summary>The assertion of the one token request to a server listing <paramref name="listed"/>, verified with <paramref name="publicKey"/>.</summary>
    private static async Task<JsonWebToken> AssertionAsync(string[]? listed, string privateKey, string? configured, SecurityKey publicKey)
    {
        await using var stub = await StartAsync(["private_key_jwt"], listed);
        using var engine = new TokenEngine(KeyOptions(stub, privateKey, configured), new FakeClock());

        await engine.TokenAsync();

        var assertion = Assert.Single(stub.RequestsTo(TokenPath)).Form["client_assertion"];
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKey = publicKey,
            ValidIssuer = ClientId,
            ValidAudience = stub.BaseAddress.AbsoluteUri,
            // The assertion was made on the fake clock.
            ValidateLifetime = false,
        });
        Assert.True(result.IsValid, result.Exception?.ToString());
        return Assert.IsType<JsonWebToken>(result.SecurityToken);
    }

    private static McpConnectionOptions KeyOptions(LoopbackStub stub, string privateKey, string? configured)
    {
        var options = Options(stub, ClientId);
        options.PrivateKey = privateKey;
        options.SigningAlgorithm = configured;
        return options;
    }

    private static ECDsaSecurityKey PublicKey(ECDsa key) => new(ECDsa.Create(key.ExportParameters(includePrivateParameters: false)));
}
