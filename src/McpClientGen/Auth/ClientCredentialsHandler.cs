using System.Net;
using Microsoft.Extensions.Logging;

namespace McpClientGen;

/// <summary>
/// Puts <c>Authorization: Bearer</c> on every request to the MCP endpoint's origin (the transport's POST, GET
/// and DELETE alike) and handles what the server answers: a 401 replaces the token and resends once; a 403
/// <c>insufficient_scope</c> asks for a token with the added scopes, at most three times; a same-origin 307/308
/// redirect is followed with the token, and no other redirect is followed at all.
/// </summary>
internal sealed class ClientCredentialsHandler(ClientCredentialsTokenProvider tokenProvider, Uri endpoint, ILogger logger, IDisposable? owned = null)
    : DelegatingHandler
{
    private const int MaxStepUps = 3;
    private const int MaxRedirects = 3;

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
            response.Dispose();
            if (token is not null)
            {
                AuthLog.TokenRejected(logger);
                McpClientGenTelemetry.UnauthorizedRetries.Add(1);
                tokenProvider.Invalidate(token);
            }

            if (challenge?.ResourceMetadata is { } metadata)
            {
                tokenProvider.ReportResourceMetadata(metadata);
            }

            token = await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new McpAuthenticationException(
                    $"The MCP server at '{endpoint}' requires a token, but no protected-resource metadata was found at its well-known URLs " +
                    "and its 401 challenge names none (resource_metadata). Set TokenEndpoint to skip discovery.");
            response = await SendWithAsync(request, token, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Dispose();
                throw new McpAuthenticationException(
                    $"The MCP server at '{endpoint}' rejected a freshly issued access token (401). The token is probably for another " +
                    "audience or resource: check ResourceIndicator, AdditionalTokenParameters (such as an audience) and Scopes.");
            }
        }

        for (var stepUps = 0; response.StatusCode == HttpStatusCode.Forbidden; stepUps++)
        {
            var challenge = BearerChallenge.From(response.Headers);
            response.Dispose();
            var sent = token?.RequestedScopes ?? "";
            if (challenge is not { IsInsufficientScope: true })
            {
                throw new McpAuthorizationException(
                    $"The MCP server at '{endpoint}' refused the request (403) without naming missing scopes; the client is not allowed this operation.",
                    null,
                    sent);
            }

            // Decided by what this request's token was asked with, so concurrent 403s each step up correctly.
            if (stepUps == MaxStepUps || ScopeSet.Contains(sent, challenge.Scope))
            {
                throw ScopesRefused(challenge.Scope, sent, null);
            }

            var requested = ScopeSet.Union(sent, challenge.Scope);
            AuthLog.SteppingUp(logger, challenge.Scope ?? "", requested);
            McpClientGenTelemetry.ScopeStepUps.Add(1);
            try
            {
                token = await tokenProvider.GetTokenWithScopesAsync(challenge.Scope, cancellationToken).ConfigureAwait(false);
            }
            catch (McpAuthenticationException refused)
            {
                throw ScopesRefused(challenge.Scope, requested, refused);
            }

            response = await SendWithAsync(request, token, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            owned?.Dispose();
        }

        base.Dispose(disposing);
    }

    private McpAuthorizationException ScopesRefused(string? required, string requested, Exception? inner) =>
        new(
            $"The MCP server at '{endpoint}' requires the scopes '{required}' (403 insufficient_scope), and a token requested with '{requested}' " +
            "does not carry them: the authorization server does not grant them to this client. Check the client's permissions at the " +
            "authorization server, or the Scopes option.",
            required,
            requested,
            inner);

    /// <summary>Sends with the token, following same-origin 307/308 redirects (which keep method and body) itself.</summary>
    private async Task<HttpResponseMessage> SendWithAsync(HttpRequestMessage request, AccessToken? token, CancellationToken cancellationToken)
    {
        var original = request.RequestUri!;
        for (var redirects = 0; ; redirects++)
        {
            request.Headers.Authorization = token?.AuthorizationHeader;
            if (token?.Certificate is { } certificate)
            {
                // Over connections that present the certificate the token may be bound to, and no other (RFC 8705 §3).
                ClientCertificateTransport.Stamp(request, certificate);
            }

            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is not (HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect)
                || response.Headers.Location is not { } location
                || redirects == MaxRedirects)
            {
                request.RequestUri = original;
                return response;
            }

            var target = location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location);
            if (!EndpointRules.SameOrigin(target, endpoint))
            {
                // Another origin never sees the token; the caller gets the redirect as it is.
                request.RequestUri = original;
                return response;
            }

            response.Dispose();
            request.RequestUri = target;
        }
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
