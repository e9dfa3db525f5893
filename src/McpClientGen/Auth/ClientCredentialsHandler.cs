using System.Net;

namespace McpClientGen;

/// <summary>
/// Puts <c>Authorization: Bearer</c> on every request to the MCP endpoint's origin (POST, GET and DELETE
/// alike), and when the server answers 401 replaces the token once and resends the request.
/// </summary>
internal sealed class ClientCredentialsHandler(ClientCredentialsTokenProvider tokenProvider, Uri endpoint) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A token is only ever sent to the origin it was requested for.
        if (request.RequestUri is null || !EndpointRules.SameOrigin(request.RequestUri, endpoint))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (request.Content is StreamContent)
        {
            // A stream can be read once; the SDK's JSON and byte contents re-serialize on every send, so only a
            // stream needs buffering to survive a resend after a 401.
#if NET9_0_OR_GREATER
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
#endif
        }

        request.Headers.Authorization = token.AuthorizationHeader;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        tokenProvider.Invalidate(token);
        var replacement = await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = replacement.AuthorizationHeader;
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
