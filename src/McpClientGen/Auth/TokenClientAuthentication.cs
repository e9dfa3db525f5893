using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace McpClientGen;

/// <summary>
/// How a token request proves the client's identity: one of the RFC 6749 / RFC 7523 methods, or, for the JWT-bearer
/// grant, the workload's platform token as the grant itself (<see cref="JwtBearerGrant"/>).
/// </summary>
internal abstract partial class TokenClientAuthentication
{
    /// <summary>The <c>client_assertion_type</c> of a JWT client assertion (RFC 7523 §2.2).</summary>
    private const string JwtAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>The method's registered name, such as <c>client_secret_basic</c>.</summary>
    public abstract string Method { get; }

    /// <summary>The <c>grant_type</c> of the request: <c>client_credentials</c> for every client authentication method.</summary>
    public virtual string GrantType => "client_credentials";

    /// <summary>Adds the credentials to a token request (built afresh for every attempt).</summary>
    public abstract void Apply(HttpRequestMessage request, List<KeyValuePair<string, string>> form, AuthorizationServerMetadata server);

    /// <summary>Removes this method's secret from text a server sent back (a server may echo what it received).</summary>
    public virtual string Redact(string text) => text;

    /// <inheritdoc />
    public override string ToString() => Method;

    private static string RedactSecret(string text, string secret) =>
        secret.Length == 0
            ? text
            : text.Replace(secret, "***", StringComparison.Ordinal).Replace(WebUtility.UrlEncode(secret), "***", StringComparison.Ordinal);

    /// <summary><c>client_secret_basic</c>: RFC 6749 §2.3.1 form-encodes id and secret before joining and base64-encoding them.</summary>
    public sealed class ClientSecretBasic(string clientId, string clientSecret) : TokenClientAuthentication
    {
        public override string Method => "client_secret_basic";

        public override void Apply(HttpRequestMessage request, List<KeyValuePair<string, string>> form, AuthorizationServerMetadata server)
        {
            var pair = WebUtility.UrlEncode(clientId) + ":" + WebUtility.UrlEncode(clientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        public override string Redact(string text) => RedactSecret(text, clientSecret);
    }

    /// <summary><c>client_secret_post</c>: id and secret in the form body.</summary>
    public sealed class ClientSecretPost(string clientId, string clientSecret) : TokenClientAuthentication
    {
        public override string Method => "client_secret_post";

        public override void Apply(HttpRequestMessage request, List<KeyValuePair<string, string>> form, AuthorizationServerMetadata server)
        {
            form.Add(new("client_id", clientId));
            form.Add(new("client_secret", clientSecret));
        }

        public override string Redact(string text) => RedactSecret(text, clientSecret);
    }

    /// <summary>
    /// <c>tls_client_auth</c> or <c>self_signed_tls_client_auth</c> (RFC 8705 §2): the proof is the client certificate in
    /// the TLS handshake, which the token request presents like every request of a client with a certificate; the form
    /// names the client, as RFC 8705 §2 requires, and carries no secret.
    /// </summary>
    public sealed class MutualTls(string method, string clientId) : TokenClientAuthentication
    {
        public override string Method => method;

        public override void Apply(HttpRequestMessage request, List<KeyValuePair<string, string>> form, AuthorizationServerMetadata server) =>
            form.Add(new("client_id", clientId));
    }

    /// <summary>
    /// <c>private_key_jwt</c> (RFC 7523 §2.2): a freshly signed assertion addressed to the configured audience, signed
    /// with the algorithm <see cref="SigningAlgorithmChoice"/> chose for the server.
    /// </summary>
    public sealed class PrivateKeyJwt(string clientId, ClientAssertionFactory assertions, string algorithm, AssertionAudience audience, string? customAudience)
        : TokenClientAuthentication
    {
        public override string Method => "private_key_jwt";

        public override void Apply(HttpRequestMessage request, List<KeyValuePair<string, string>> form, AuthorizationServerMetadata server)
        {
            form.Add(new("client_id", clientId));
            form.Add(new("client_assertion_type", JwtAssertionType));
            form.Add(new("client_assertion", assertions.Create(clientId, AudienceFor(server), algorithm)));
        }

        private string AudienceFor(AuthorizationServerMetadata server) => audience switch
        {
            AssertionAudience.TokenEndpoint => server.TokenEndpoint.AbsoluteUri,
            AssertionAudience.Custom => customAudience!,
            _ => server.Issuer?.OriginalString
                ?? throw new McpAuthenticationException("The client assertion is addressed to the issuer, which is unknown; set AssertionAudience."),
        };
    }
}
