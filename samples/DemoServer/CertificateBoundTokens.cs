using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace McpClientGen.DemoServer;

/// <summary>
/// The MCP server's proof-of-possession check for certificate-bound access tokens (RFC 8705 §3): on a mutual-TLS stack,
/// a token is accepted only when its <c>cnf</c> claim names (<c>x5t#S256</c>) the client certificate of the TLS
/// connection it came on. A token bound to no certificate, or presented without its certificate or with another, is
/// rejected as invalid, so no request without the right certificate gets through. Every check is recorded.
/// </summary>
internal sealed class CertificateBoundTokens
{
    public const string RejectionReason = "The access token is not bound to the client certificate of this connection.";

    private readonly Lock _gate = new();
    private readonly List<DemoCertificateCheck> _checks = [];

    public IReadOnlyList<DemoCertificateCheck> Checks
    {
        get
        {
            lock (_gate)
            {
                return [.. _checks];
            }
        }
    }

    /// <summary>Runs after the token's signature, issuer, audience and lifetime were validated.</summary>
    public void Check(TokenValidatedContext context)
    {
        var check = new DemoCertificateCheck(
            Thumbprint(context.HttpContext.Connection.ClientCertificate), BoundThumbprint(context.Principal?.FindFirst("cnf")?.Value));
        lock (_gate)
        {
            _checks.Add(check);
        }

        if (!check.Accepted)
        {
            context.Fail(RejectionReason);
        }
    }

    private static string? Thumbprint(X509Certificate2? certificate) => certificate is null ? null : DemoMutualTls.ThumbprintOf(certificate);

    /// <summary>The <c>x5t#S256</c> member of the <c>cnf</c> claim, which arrives as its JSON text.</summary>
    private static string? BoundThumbprint(string? confirmation)
    {
        if (confirmation is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(confirmation);
        return json.RootElement.ValueKind == JsonValueKind.Object
            && json.RootElement.TryGetProperty("x5t#S256", out var thumbprint)
            && thumbprint.ValueKind == JsonValueKind.String
                ? thumbprint.GetString()
                : null;
    }
}
