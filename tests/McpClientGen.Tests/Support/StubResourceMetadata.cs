using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace McpClientGen.Tests.Support;

/// <summary>Protected-resource metadata (RFC 9728), as a <see cref="LoopbackStub"/> playing an MCP server at <c>/mcp</c> serves it.</summary>
public static class StubResourceMetadata
{
    /// <summary>Where the metadata of the resource <c>/mcp</c> is looked for first.</summary>
    public const string Path = "/.well-known/oauth-protected-resource/mcp";

    /// <summary>Serves, at <see cref="Path"/>, metadata for <paramref name="resource"/> naming <paramref name="authorizationServers"/>.</summary>
    public static void Serve(LoopbackStub mcp, Uri resource, params Uri[] authorizationServers) =>
        mcp.Map(Path, Document(resource, authorizationServers));

    /// <summary>A metadata document for <paramref name="resource"/> naming <paramref name="authorizationServers"/>, as given.</summary>
    public static Func<HttpContext, Task> Document(Uri resource, params Uri[] authorizationServers) =>
        Respond.Json(HttpStatusCode.OK, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["resource"] = resource.AbsoluteUri,
            ["authorization_servers"] = authorizationServers.Select(server => server.OriginalString).ToArray(),
        }));
}
