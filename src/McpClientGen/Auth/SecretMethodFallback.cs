using System.Net;
using Microsoft.Extensions.Logging;

namespace McpClientGen;

/// <summary>
/// <c>Auto</c>'s one fallback between the two secret methods. Many servers list both <c>client_secret_basic</c> and
/// <c>client_secret_post</c> but accept from each client only the one it was registered for, and answer the other with
/// <c>invalid_client</c>; then the other is tried once. The method that got a token is kept for the client for the life
/// of the engine, so every later token request is a single request. Nothing else falls back: not a method set
/// explicitly, not a key (<c>private_key_jwt</c> is never traded for a secret), not a server that lists one secret
/// method or none, not an answer other than <c>invalid_client</c> with 400 or 401.
/// </summary>
internal sealed class SecretMethodFallback(ILogger logger)
{
    /// <summary>The secret method that got a token, and the client id it got it for; <see langword="null"/> until one did.</summary>
    private SettledMethod? _settled;

    /// <summary>
    /// Requests a token through <paramref name="send"/> with the method <see cref="ClientAuthenticationSelector"/>
    /// selects, or the secret method already settled, falling back once as described above.
    /// </summary>
    /// <exception cref="McpAuthenticationException">The token request failed; after a fallback, both methods were refused.</exception>
    public async Task<AccessToken> RequestTokenAsync(
        ClientCredentialSet credentials,
        AuthorizationServerMetadata server,
        PlatformToken? platformToken,
        Func<TokenClientAuthentication, Task<AccessToken>> send)
    {
        var options = credentials.Options;
        var selected = ClientAuthenticationSelector.Select(options, server, credentials.Assertions, platformToken, credentials.Certificate);
        if (!MayFallBack(options, server, selected))
        {
            return await send(selected).ConfigureAwait(false);
        }

        var clientId = options.ClientId!;
        if (Volatile.Read(ref _settled) is { } settled && settled.ClientId == clientId)
        {
            return await send(ClientAuthenticationSelector.Create(settled.Method, options, server, credentials.Assertions)).ConfigureAwait(false);
        }

        var first = selected is TokenClientAuthentication.ClientSecretBasic
            ? ClientAuthenticationMethod.ClientSecretBasic
            : ClientAuthenticationMethod.ClientSecretPost;
        try
        {
            var token = await send(selected).ConfigureAwait(false);
            Volatile.Write(ref _settled, new SettledMethod(clientId, first));
            return token;
        }
        catch (McpAuthenticationException refused) when (IsInvalidClient(refused))
        {
            var second = first == ClientAuthenticationMethod.ClientSecretBasic
                ? ClientAuthenticationMethod.ClientSecretPost
                : ClientAuthenticationMethod.ClientSecretBasic;
            var token = await SendSecondAsync(
                ClientAuthenticationSelector.Create(second, options, server, credentials.Assertions), selected, refused, server, clientId, send).ConfigureAwait(false);
            Volatile.Write(ref _settled, new SettledMethod(clientId, second));
            AuthLog.SecretMethodFallback(logger, server.TokenEndpoint, clientId, selected.Method, ClientAuthenticationSelector.NameOf(second));
            return token;
        }
    }

    /// <summary>Auto chose a secret method, and the server lists both, so the other one may be what the client is registered for.</summary>
    private static bool MayFallBack(McpConnectionOptions options, AuthorizationServerMetadata server, TokenClientAuthentication selected) =>
        options.ClientAuthentication == ClientAuthenticationMethod.Auto
        && selected is TokenClientAuthentication.ClientSecretBasic or TokenClientAuthentication.ClientSecretPost
        && server.AuthenticationMethods is { } listed
        && listed.Contains("client_secret_basic", StringComparer.Ordinal)
        && listed.Contains("client_secret_post", StringComparer.Ordinal);

    /// <summary>RFC 6749 §5.2: the client failed to authenticate, answered with 400 or 401.</summary>
    private static bool IsInvalidClient(McpAuthenticationException exception) =>
        exception.Error == "invalid_client" && exception.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized;

    /// <summary>The one request with the other method; when it is refused too, the error reports both refusals.</summary>
    private static async Task<AccessToken> SendSecondAsync(
        TokenClientAuthentication second,
        TokenClientAuthentication first,
        McpAuthenticationException firstRefusal,
        AuthorizationServerMetadata server,
        string clientId,
        Func<TokenClientAuthentication, Task<AccessToken>> send)
    {
        try
        {
            return await send(second).ConfigureAwait(false);
        }
        catch (McpAuthenticationException secondRefusal) when (IsInvalidClient(secondRefusal))
        {
            throw new McpAuthenticationException(
                $"The token endpoint '{server.TokenEndpoint}' refused client '{clientId}' with both secret methods it lists: " +
                $"{first.Method} ({Describe(firstRefusal)}) and {second.Method} ({Describe(secondRefusal)}). Check ClientId and ClientSecret; " +
                "if they are right, set ClientAuthentication to the method the client is registered for (ClientSecretBasic or ClientSecretPost).",
                secondRefusal.Error,
                secondRefusal.ErrorDescription)
            {
                StatusCode = secondRefusal.StatusCode,
            };
        }
    }

    /// <summary>Status, code and description of a refusal; the description was cleaned of secrets when it was read.</summary>
    private static string Describe(McpAuthenticationException refusal) =>
        $"HTTP {(int)refusal.StatusCode!}, error '{refusal.Error}'{(refusal.ErrorDescription is { } description ? $": {description}" : "")}";

    private sealed record SettledMethod(string ClientId, ClientAuthenticationMethod Method);
}
