using Microsoft.AspNetCore;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace McpClientGen.DemoServer;

/// <summary>
/// Records every token response of the authorization server, so tests can tell which client authenticated how, and
/// which requests were refused.
/// </summary>
internal sealed class TokenRequestLog
{
    private readonly Lock _gate = new();
    private readonly List<DemoTokenRequest> _requests = [];

    public IReadOnlyList<DemoTokenRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    /// <summary>Called for each token response, successful or not.</summary>
    public void Record(OpenIddictServerEvents.ApplyTokenResponseContext context)
    {
        var request = context.Request;
        var certificate = context.Transaction.RemoteCertificate;
        var entry = new DemoTokenRequest(
            request?.ClientId,
            AuthenticationMethodOf(context),
            request?.Scope,
            context.Error,
            certificate is null ? null : DemoMutualTls.ThumbprintOf(certificate));
        lock (_gate)
        {
            _requests.Add(entry);
        }
    }

    // OpenIddict moves Basic credentials into the request's client_id and client_secret, so only the raw header tells
    // client_secret_basic from client_secret_post.
    private static string? AuthenticationMethodOf(OpenIddictServerEvents.ApplyTokenResponseContext context)
    {
        if (!string.IsNullOrEmpty(context.Request?.ClientAssertion))
        {
            return ClientAuthenticationMethods.PrivateKeyJwt;
        }

        var authorization = context.Transaction.GetHttpRequest()?.Headers.Authorization.ToString();
        if (authorization?.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) == true)
        {
            return ClientAuthenticationMethods.ClientSecretBasic;
        }

        if (!string.IsNullOrEmpty(context.Request?.ClientSecret))
        {
            return ClientAuthenticationMethods.ClientSecretPost;
        }

        // With no secret and no assertion, a certificate in the handshake is how the client authenticated (RFC 8705 §2).
        return context.Transaction.RemoteCertificate is { } certificate
            ? certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData)
                ? ClientAuthenticationMethods.SelfSignedTlsClientAuth
                : ClientAuthenticationMethods.TlsClientAuth
            : null;
    }
}
