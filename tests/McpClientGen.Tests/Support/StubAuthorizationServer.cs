using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace McpClientGen.Tests.Support;

/// <summary>
/// A <see cref="LoopbackStub"/> playing an authorization server whose issuer is its root URL: RFC 8414 metadata and a
/// token endpoint that grants every request, recording what it received. It stands for servers a test's client must
/// or must not trust, so a client that sent it credentials would get a token and go on as if nothing were wrong.
/// </summary>
public static class StubAuthorizationServer
{
    public const string MetadataPath = "/.well-known/oauth-authorization-server";
    public const string TokenPath = "/token";

    /// <summary>Starts one; <paramref name="authMethods"/> is its <c>token_endpoint_auth_methods_supported</c>, if any.</summary>
    public static async Task<LoopbackStub> StartAsync(string[]? authMethods = null)
    {
        var auth = await LoopbackStub.StartAsync();
        auth.Map(MetadataPath, Metadata(auth.BaseAddress, auth.Url(TokenPath), authMethods));
        auth.Map(TokenPath, Respond.Token());
        return auth;
    }

    /// <summary>An RFC 8414 metadata document.</summary>
    public static Func<HttpContext, Task> Metadata(Uri issuer, Uri tokenEndpoint, string[]? authMethods = null)
    {
        var metadata = new Dictionary<string, object> { ["issuer"] = issuer.AbsoluteUri, ["token_endpoint"] = tokenEndpoint.AbsoluteUri };
        if (authMethods is not null)
        {
            metadata["token_endpoint_auth_methods_supported"] = authMethods;
        }

        return Respond.Json(HttpStatusCode.OK, JsonSerializer.Serialize(metadata));
    }
}
