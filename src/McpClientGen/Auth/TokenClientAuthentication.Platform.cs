namespace McpClientGen;

/// <summary>The two ways a token request carries the workload's platform token.</summary>
internal abstract partial class TokenClientAuthentication
{
    /// <summary>
    /// The platform token as the client assertion of a <c>client_credentials</c> request (RFC 7523 §2.2), exactly as the
    /// platform issued it: its audience, issuer and subject are the platform's, which the client's federated credential at
    /// the authorization server must match. On the wire this is <c>private_key_jwt</c>.
    /// </summary>
    public sealed class PlatformAssertion(string clientId, PlatformToken token) : TokenClientAuthentication
    {
        public override string Method => "private_key_jwt";

        /// <summary>Where the assertion came from, for advice in errors.</summary>
        public string Source => token.Source;

        public override void Apply(HttpRequestMessage request, List<KeyValuePair<string, string>> form, AuthorizationServerMetadata server)
        {
            form.Add(new("client_id", clientId));
            form.Add(new("client_assertion_type", JwtAssertionType));
            form.Add(new("client_assertion", token.Value));
        }

        public override string Redact(string text) => RedactSecret(text, token.Value);
    }

    /// <summary>
    /// The JWT-bearer grant (RFC 7523 §2.1, MCP's SEP-1933): the platform token is the <c>assertion</c>, the client
    /// authenticates no further (<c>none</c>), and a configured client id goes along as <c>client_id</c>, since some
    /// servers tie the grant to a registered client and others take the workload's identity from the token alone.
    /// </summary>
    public sealed class JwtBearerGrant(string? clientId, PlatformToken token) : TokenClientAuthentication
    {
        public override string Method => "none";

        public override string GrantType => "urn:ietf:params:oauth:grant-type:jwt-bearer";

        /// <summary>Where the assertion came from, for advice in errors.</summary>
        public string Source => token.Source;

        public override void Apply(HttpRequestMessage request, List<KeyValuePair<string, string>> form, AuthorizationServerMetadata server)
        {
            form.Add(new("assertion", token.Value));
            if (clientId is not null)
            {
                form.Add(new("client_id", clientId));
            }
        }

        public override string Redact(string text) => RedactSecret(text, token.Value);
    }
}
