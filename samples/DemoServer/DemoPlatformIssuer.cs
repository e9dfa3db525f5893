using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpClientGen.DemoServer;

/// <summary>
/// A stand-in for the platform a workload runs on (a Kubernetes cluster's service-account issuer, Microsoft Entra, GitHub
/// Actions): an issuer with a signing key of its own, new for every stack, that mints workload tokens. The demo
/// authorization server trusts it (its JSON Web Key Set is configured there, as an authorization server would fetch it
/// through OpenID Connect discovery) for two things: the JWT-bearer grant (RFC 7523 §2.1, MCP's SEP-1933) and the client
/// assertion of <see cref="DemoStack.FederatedClientId"/>, whose federated credential names this issuer and
/// <see cref="WorkloadSubject"/>. It also records which of its tokens the authorization server received.
/// </summary>
public sealed class DemoPlatformIssuer : IDisposable
{
    /// <summary>The workload identity every trust in the demo is set up for, shaped like a Kubernetes service account.</summary>
    public const string WorkloadSubject = "system:serviceaccount:demo:mcp-client";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly Lock _gate = new();
    private readonly List<string> _received = [];
    private Uri? _audience;

    internal DemoPlatformIssuer()
    {
        var publicJwk = JsonWebKeys.PublicKey(_key);
        var keyId = JsonWebKeys.Thumbprint(publicJwk);
        var signingKey = new ECDsaSecurityKey(_key) { KeyId = keyId };
        _credentials = new SigningCredentials(signingKey, SecurityAlgorithms.EcdsaSha256);
        PublicKeys = new JsonWebKeySet { Keys = { JsonWebKey.Create(JsonWebKeys.WithKeyId(publicJwk, keyId).ToJsonString()) } };
    }

    /// <summary>The issuer (<c>iss</c>) of the platform's tokens. Nothing is served there: the key set is configured, not fetched.</summary>
    public Uri Issuer { get; } = new("https://platform.demo.invalid/");

    /// <summary>The platform's public signing key, as the authorization server trusts it.</summary>
    public JsonWebKeySet PublicKeys { get; }

    /// <summary>
    /// The <c>jti</c> of every platform token the authorization server received (as a grant or a client assertion), in
    /// order, whether it was accepted or not. Identifiers only, never the tokens.
    /// </summary>
    public IReadOnlyList<string> ReceivedTokenIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The audience tokens get by default: the demo authorization server's issuer, as SEP-1933 expects.</summary>
    internal Uri DefaultAudience
    {
        get => _audience ?? throw new InvalidOperationException("The authorization server has not started.");
        set => _audience = value;
    }

    /// <summary>
    /// Mints a workload token, as the platform would put it in the workload's token file: ES256, <c>typ</c> <c>JWT</c>,
    /// <c>iss</c> = <see cref="Issuer"/>, a unique <c>jti</c>, <c>iat</c>/<c>nbf</c> an hour before <c>exp</c> (or now).
    /// </summary>
    /// <param name="expiresAt">The <c>exp</c>; default an hour from now. A past time makes an expired token.</param>
    /// <param name="audience">The <c>aud</c>; default the authorization server's issuer.</param>
    /// <param name="subject">The <c>sub</c>; default <see cref="WorkloadSubject"/>.</param>
    /// <returns>The signed token.</returns>
    public string IssueToken(DateTimeOffset? expiresAt = null, string? audience = null, string subject = WorkloadSubject)
    {
        var now = DateTimeOffset.UtcNow;
        var expires = expiresAt ?? now.AddHours(1);
        var issuedAt = expires > now ? now : expires.AddHours(-1);
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer.AbsoluteUri,
            Audience = audience ?? DefaultAudience.AbsoluteUri,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = subject,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = _credentials,
            TokenType = "JWT",
        });
    }

    /// <inheritdoc />
    public override string ToString() => $"DemoPlatformIssuer {{ Issuer = {Issuer}, WorkloadSubject = {WorkloadSubject} }}";

    /// <summary>Disposes the signing key.</summary>
    public void Dispose() => _key.Dispose();

    /// <summary>Notes a token the authorization server received, by its <c>jti</c> read without validation.</summary>
    internal void RecordReceived(string token)
    {
        var id = new JsonWebTokenHandler().CanReadToken(token) ? new JsonWebToken(token).Id : null;
        lock (_gate)
        {
            _received.Add(string.IsNullOrEmpty(id) ? "(no jti)" : id);
        }
    }
}
