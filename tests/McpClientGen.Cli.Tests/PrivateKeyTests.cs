using System.Security.Cryptography;
using McpClientGen.Cli.Tests.Support;
using McpClientGen.Testing;

namespace McpClientGen.Cli.Tests;

/// <summary><c>--private-key-file</c> authenticates with <c>private_key_jwt</c>, from a PEM or JWK file, and never prints the key.</summary>
public sealed class PrivateKeyTests(DemoStackFixture demo) : IClassFixture<DemoStackFixture>
{
    public static TheoryData<string> KeyFormats => ["es256 PKCS#8 PEM", "es256 SEC1 PEM", "rs256 JWK", "rs256 PKCS#1 PEM"];

    [Theory]
    [MemberData(nameof(KeyFormats))]
    public async Task A_key_file_authenticates_the_client(string format)
    {
        var (client, key) = format switch
        {
            "es256 PKCS#8 PEM" => (demo.Stack.JwtClients.Es256, demo.Stack.JwtClients.Es256.PrivateKeyPem),
            "es256 SEC1 PEM" => (demo.Stack.JwtClients.Es256, demo.Stack.JwtClients.Es256.Sec1PrivateKeyPem!),
            "rs256 JWK" => (demo.Stack.JwtClients.Rs256, demo.Stack.JwtClients.Rs256.PrivateJwk),
            _ => (demo.Stack.JwtClients.Rs256, demo.Stack.JwtClients.Rs256.Pkcs1PrivateKeyPem!),
        };
        using var temp = new TempDirectory();
        var keyFile = temp.Combine("client.key");
        await File.WriteAllTextAsync(keyFile, key);
        var tokensBefore = demo.Stack.TokenRequestCountFor(client.ClientId);

        // No secret in the environment: the key is the only credential.
        var result = await Mcpgen.RunAsync(new Dictionary<string, string?>(), "list", demo.Endpoint, "--client-id", client.ClientId, "--authorization-server", demo.Issuer, "--private-key-file", keyFile);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("get_weather", result.Out, StringComparison.Ordinal);
        Assert.True(demo.Stack.TokenRequestCountFor(client.ClientId) > tokensBefore);
        AssertNoKeyMaterial(result, key);
    }

    [Fact]
    public async Task A_snapshot_taken_with_a_key_is_the_committed_demo_snapshot()
    {
        using var temp = new TempDirectory();
        var keyFile = temp.Combine("client.pem");
        await File.WriteAllTextAsync(keyFile, demo.Stack.JwtClients.Es256.PrivateKeyPem);
        var output = temp.Combine("demo.mcp.json");

        var result = await Mcpgen.RunAsync(
            new Dictionary<string, string?>(), "snapshot", demo.Endpoint, "--client-id", demo.Stack.JwtClients.Es256.ClientId, "--authorization-server", demo.Issuer, "--private-key-file", keyFile, "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            await File.ReadAllBytesAsync(RepositoryPaths.Combine("schemas", "demo.mcp.json")),
            await File.ReadAllBytesAsync(output));
    }

    [Fact]
    public async Task An_encrypted_key_is_opened_with_the_password_from_the_named_variable()
    {
        const string password = "key-password-4d1f";
        var client = demo.Stack.JwtClients.Es256;
        using var temp = new TempDirectory();
        var keyFile = temp.Combine("encrypted.pem");
        await File.WriteAllTextAsync(
            keyFile, client.EcKey!.ExportEncryptedPkcs8PrivateKeyPem(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));
        string[] args = ["list", demo.Endpoint, "--client-id", client.ClientId, "--authorization-server", demo.Issuer, "--private-key-file", keyFile, "--private-key-password-env", "KEY_PASSWORD"];

        var opened = await Mcpgen.RunAsync(new Dictionary<string, string?> { ["KEY_PASSWORD"] = password }, args);
        var missing = await Mcpgen.RunAsync(new Dictionary<string, string?>(), args);
        var wrong = await Mcpgen.RunAsync(new Dictionary<string, string?> { ["KEY_PASSWORD"] = "not-" + password }, args);

        Assert.True(opened.ExitCode == 0, opened.ToString());
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("The environment variable KEY_PASSWORD is not set", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, wrong.ExitCode);
        Assert.DoesNotContain(password, opened.AllOutput + missing.AllOutput + wrong.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_the_server_does_not_know_for_the_client_fails_without_showing_it()
    {
        using var temp = new TempDirectory();
        var keyFile = temp.Combine("other.pem");
        var otherKey = demo.Stack.JwtClients.Rs256.PrivateKeyPem;
        await File.WriteAllTextAsync(keyFile, otherKey);

        var result = await Mcpgen.RunAsync(
            new Dictionary<string, string?>(), "list", demo.Endpoint, "--client-id", demo.Stack.JwtClients.Es256.ClientId, "--authorization-server", demo.Issuer, "--private-key-file", keyFile, "--verbose");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: ", result.Error, StringComparison.Ordinal);
        AssertNoKeyMaterial(result, otherKey);
    }

    [Fact]
    public async Task A_missing_key_file_is_an_error_that_names_it()
    {
        using var temp = new TempDirectory();
        var keyFile = temp.Combine("missing.pem");

        var result = await Mcpgen.RunAsync(
            new Dictionary<string, string?>(), "list", demo.Endpoint, "--client-id", demo.Stack.JwtClients.Es256.ClientId, "--authorization-server", demo.Issuer, "--private-key-file", keyFile);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Cannot read the private key file", result.Error, StringComparison.Ordinal);
        Assert.Contains(keyFile, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_file_and_a_secret_variable_together_are_refused()
    {
        var result = await Mcpgen.RunAsync(
            demo.SecretEnvironment, "list", demo.Endpoint, "--client-id", "demo-client", "--private-key-file", "k.pem", "--client-secret-env", "MCPGEN_CLIENT_SECRET");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("either --private-key-file or --client-secret-env", result.Error, StringComparison.Ordinal);
    }

    /// <summary>No line of the key's body (PEM base64 lines, or the JWK's private parameter) appears anywhere.</summary>
    private static void AssertNoKeyMaterial(CliResult result, string key)
    {
        var fragments = key.Split(['\n', '"', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(fragment => fragment.Length >= 40);
        foreach (var fragment in fragments)
        {
            Assert.DoesNotContain(fragment, result.AllOutput, StringComparison.Ordinal);
        }
    }
}
