using System.Net;
using McpClientGen.DemoServer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// The demo stack's workload identity, checked with plain HTTP so that the client runtime's tests can rely on it: the
/// JWT-bearer grant (SEP-1933) with and without a client id, the federated client's platform assertion, and what the
/// authorization server refuses and how.
/// </summary>
public sealed class DemoStackWorkloadTests
{
    private const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static readonly HttpClient Http = new();

    [Theory]
    [InlineData(null)]
    [InlineData(DemoStack.WorkloadClientId)]
    public async Task A_platform_token_is_exchanged_for_an_access_token_the_MCP_server_accepts(string? clientId)
    {
        await using var stack = await DemoStack.StartAsync();
        var platformToken = stack.Platform.IssueToken();

        using var response = await PostJwtBearerAsync(stack, platformToken, clientId, ("resource", stack.McpEndpoint.AbsoluteUri));
        using var body = await DemoStackHttp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var accessToken = body.RootElement.GetProperty("access_token").GetString()!;
        using var claims = DemoStackHttp.ReadJwtPayload(accessToken);
        Assert.Equal(DemoPlatformIssuer.WorkloadSubject, claims.RootElement.GetProperty("sub").GetString());
        Assert.Equal(stack.McpEndpoint.AbsoluteUri, claims.RootElement.GetProperty("aud").GetString());
        using var call = await DemoStackAuthHttp.CallToolAsync(stack, accessToken, "get_weather", """{"city":"Oslo"}""");
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.Equal([new JsonWebToken(platformToken).Id], stack.Platform.ReceivedTokenIds);
    }

    /// <summary>A refused platform token, and the OAuth error the server answers with.</summary>
    public static TheoryData<string, string> RefusedGrants() => new()
    {
        { "expired", "invalid_grant" },
        { "for another audience", "invalid_grant" },
        { "for an untrusted workload", "invalid_grant" },
        { "signed by another platform", "invalid_grant" },
        { "with a scope workloads are not permitted", "invalid_scope" },
    };

    [Theory]
    [MemberData(nameof(RefusedGrants))]
    public async Task The_JWT_bearer_grant_refuses_a_token(string which, string error)
    {
        await using var stack = await DemoStack.StartAsync();
        await using var otherStack = await DemoStack.StartAsync();
        var (token, scope) = which switch
        {
            "expired" => (stack.Platform.IssueToken(expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1)), "demo.read"),
            "for another audience" => (stack.Platform.IssueToken(audience: "https://wrong.example/"), "demo.read"),
            "for an untrusted workload" => (stack.Platform.IssueToken(subject: "system:serviceaccount:other:intruder"), "demo.read"),
            "signed by another platform" => (otherStack.Platform.IssueToken(audience: stack.Issuer.AbsoluteUri), "demo.read"),
            _ => (stack.Platform.IssueToken(), "demo.admin"),
        };

        using var response = await PostJwtBearerAsync(stack, token, clientId: null, ("scope", scope));
        using var body = await DemoStackHttp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, body.RootElement.GetProperty("error").GetString());
        Assert.Equal(0, stack.TokenRequestCount);
    }

    [Fact]
    public async Task The_federated_client_authenticates_with_the_platform_token_as_its_client_assertion()
    {
        await using var stack = await DemoStack.StartAsync();

        using var response = await DemoStackAuthHttp.PostAssertionAsync(
            stack, stack.Platform.IssueToken(), ("client_id", DemoStack.FederatedClientId), ("scope", "demo.read"));
        using var body = await DemoStackHttp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var claims = DemoStackHttp.ReadJwtPayload(body.RootElement.GetProperty("access_token").GetString()!);
        Assert.Equal(DemoStack.FederatedClientId, claims.RootElement.GetProperty("client_id").GetString());
        Assert.Equal(new DemoTokenRequest(DemoStack.FederatedClientId, "private_key_jwt", "demo.read", null), Assert.Single(stack.TokenRequests));
    }

    [Theory]
    [InlineData("for another workload")]
    [InlineData("expired")]
    [InlineData("presented for another client")]
    public async Task The_federated_credential_refuses_a_platform_token(string which)
    {
        await using var stack = await DemoStack.StartAsync();
        var (token, clientId) = which switch
        {
            "for another workload" => (stack.Platform.IssueToken(subject: "system:serviceaccount:other:intruder"), DemoStack.FederatedClientId),
            "expired" => (stack.Platform.IssueToken(expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1)), DemoStack.FederatedClientId),
            // A client without a federated credential takes assertions signed with its own key only.
            _ => (stack.Platform.IssueToken(), stack.JwtClients.Es256.ClientId),
        };

        using var response = await DemoStackAuthHttp.PostAssertionAsync(stack, token, ("client_id", clientId));
        using var body = await DemoStackHttp.ReadJsonAsync(response);

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("invalid_client", body.RootElement.GetProperty("error").GetString());
        Assert.Equal(0, stack.TokenRequestCount);
    }

    [Fact]
    public async Task Metadata_lists_the_JWT_bearer_grant()
    {
        await using var stack = await DemoStack.StartAsync();

        using var metadata = await DemoStackHttp.GetJsonAsync(new Uri(stack.Issuer, ".well-known/oauth-authorization-server"));

        Assert.Equal(["client_credentials", JwtBearerGrant], DemoStackHttp.Strings(metadata.RootElement.GetProperty("grant_types_supported")).Order());
    }

    private static Task<HttpResponseMessage> PostJwtBearerAsync(
        DemoStack stack, string assertion, string? clientId, params (string Name, string Value)[] parameters)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", JwtBearerGrant), new("assertion", assertion) };
        if (clientId is not null)
        {
            form.Add(new("client_id", clientId));
        }

        form.AddRange(parameters.Select(parameter => new KeyValuePair<string, string>(parameter.Name, parameter.Value)));
        return Http.PostAsync(stack.TokenEndpoint, new FormUrlEncodedContent(form));
    }
}
