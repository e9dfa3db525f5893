using System.Net;
using Microsoft.Extensions.Logging;

namespace McpClientGen;

/// <summary>
/// Puts <c>Authorization: Bearer</c> on every request to the MCP endpoint's origin (the transport's POST, GET
/// and DELETE alike) and handles the server's challenges: a 401 replaces the token and resends once; a 403
/// <c>insufficient_scope</c> asks for a token with the added scopes, at most three times.
/// </summary>
internal sealed class ClientCredentialsHandler(ClientCredentialsTokenProvider tokenProvider, Uri endpoint, ILogger logger) : DelegatingHandler
{
    private const int MaxStepUps = 3;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A token is only ever sent to the origin it was requested for.
        if (request.RequestUri is null || !EndpointRules.SameOrigin(request.RequestUri, endpoint))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        await MakeResendableAsync(request, cancellationToken).ConfigureAwait(false);
        var token = await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var response = await SendWithAsync(request, token, cancellationToken).ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            var challenge = BearerChallenge.From(response.Headers);
            if (token is not null)
            {
                AuthLog.TokenRejected(logger);
                tokenProvider.Invalidate(token);
            }

            if (challenge is not null)
            {
                tokenProvider.ReportChallenge(challenge);
            }

            response.Dispose();
            token = await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new McpAuthenticationException(
                    $"The MCP server at '{endpoint}' requires a token, but no protected-resource metadata was found at its well-known URLs " +
                    "and its 401 challenge names none (resource_metadata). Set TokenEndpoint to skip discovery.");
            response = await SendWithAsync(request, token, cancellationToken).ConfigureAwait(false);
        }

        for (var stepUps = 0; response.StatusCode == HttpStatusCode.Forbidden; stepUps++)
        {
            if (BearerChallenge.From(response.Headers) is not { IsInsufficientScope: true } challenge)
            {
                break;
            }

            if (stepUps == MaxStepUps || !tokenProvider.ReportChallenge(challenge))
            {
                response.Dispose();
                var requested = tokenProvider.RequestedScopes;
                throw new McpAuthorizationException(
                    $"The MCP server at '{endpoint}' requires the scopes '{challenge.Scope}' (403 insufficient_scope), and a token requested with " +
                    $"'{requested}' does not carry them: the authorization server does not grant them to this client. Check the client's " +
                    "permissions at the authorization server, or the Scopes option.",
                    challenge.Scope,
                    requested);
            }

            AuthLog.SteppingUp(logger, challenge.Scope ?? "", tokenProvider.RequestedScopes);
            response.Dispose();
            token = await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            response = await SendWithAsync(request, token, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private Task<HttpResponseMessage> SendWithAsync(HttpRequestMessage request, AccessToken? token, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = token?.AuthorizationHeader;
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// A stream can be read once; the SDK's JSON and byte contents re-serialize on every send, so only a stream
    /// needs buffering to survive a resend.
    /// </summary>
    private static async Task MakeResendableAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is StreamContent)
        {
#if NET9_0_OR_GREATER
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
#endif
        }
    }
}
