using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace McpClientGen.Tests.Support;

/// <summary>
/// One <see cref="LoopbackStub"/> that is both what discovery finds for the MCP endpoint <c>/mcp</c> (its
/// protected-resource metadata) and the authorization server it names, whose issuer is the stub's root: RFC 8414
/// metadata that lists the given client authentication methods and assertion signing algorithms, and a token endpoint
/// at <see cref="TokenPath"/>. For the choices that depend on what a server lists, which the demo stack lists one way only.
/// </summary>
internal static class DiscoverableAuthorizationServer
{
    public const string TokenPath = "/token";

    /// <param name="authMethods"><c>token_endpoint_auth_methods_supported</c>; <see langword="null"/> leaves it out.</param>
    /// <param name="signingAlgorithms"><c>token_endpoint_auth_signing_alg_values_supported</c>; <see langword="null"/> leaves it out.</param>
    /// <param name="tokenAnswers">The token endpoint's answers, one per request, the last repeated; none: a valid token.</param>
    public static async Task<LoopbackStub> StartAsync(
        string[]? authMethods, string[]? signingAlgorithms = null, params Func<HttpContext, Task>[] tokenAnswers)
    {
        var stub = await LoopbackStub.StartAsync();
        stub.Map("/.well-known/oauth-protected-resource/mcp", Respond.Json(HttpStatusCode.OK, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["resource"] = stub.Url("/mcp").AbsoluteUri,
            ["authorization_servers"] = new[] { stub.BaseAddress.AbsoluteUri },
        })));

        var metadata = new Dictionary<string, object> { ["issuer"] = stub.BaseAddress.AbsoluteUri, ["token_endpoint"] = stub.Url(TokenPath).AbsoluteUri };
        if (authMethods is not null)
        {
            metadata["token_endpoint_auth_methods_supported"] = authMethods;
        }

        if (signingAlgorithms is not null)
        {
            metadata["token_endpoint_auth_signing_alg_values_supported"] = signingAlgorithms;
        }

        stub.Map("/.well-known/oauth-authorization-server", Respond.Json(HttpStatusCode.OK, JsonSerializer.Serialize(metadata)));
        stub.Map(TokenPath, tokenAnswers.Length == 0 ? Respond.Token() : Respond.Sequence(tokenAnswers));
        return stub;
    }

    /// <summary>Options for the stub's MCP endpoint that name its authorization server; credentials still to be set.</summary>
    public static McpConnectionOptions Options(LoopbackStub stub, string clientId) => new()
    {
        Endpoint = stub.Url("/mcp"),
        AuthorizationServer = stub.BaseAddress,
        ClientId = clientId,
    };

    /// <summary>An RFC 6749 §5.2 error response.</summary>
    public static Func<HttpContext, Task> Error(HttpStatusCode status, string error, string? description = null) =>
        Respond.Json(status, JsonSerializer.Serialize(description is null
            ? new Dictionary<string, string> { ["error"] = error }
            : new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }));
}
