using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace McpClientGen;

/// <summary>
/// Which certificate an access token is bound to (RFC 8705 §3): the <c>x5t#S256</c> of its <c>cnf</c> claim, read from
/// a JWT access token's payload (not validated: that is the resource server's job, and the client only needs to know
/// where the token may go), else from a <c>cnf</c> member of the token response.
/// </summary>
internal static class CertificateBinding
{
    private const string Confirmation = "cnf";
    private const string CertificateThumbprint = "x5t#S256";

    /// <summary>The thumbprint the token is bound to, or <see langword="null"/> when neither the token nor the response says.</summary>
    public static string? Read(string accessToken, JsonElement tokenResponse) => FromJwt(accessToken) ?? FromConfirmation(tokenResponse);

    private static string? FromJwt(string accessToken)
    {
        // A JWS has three segments; a JWE (five) or an opaque token says nothing the client can read.
        var segments = accessToken.Split('.');
        if (segments.Length != 3)
        {
            return null;
        }

        try
        {
            using var payload = JsonObjectDocument.TryParse(Base64UrlEncoder.DecodeBytes(segments[1]));
            return payload is null ? null : FromConfirmation(payload.RootElement);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static string? FromConfirmation(JsonElement claims) =>
        claims.ValueKind == JsonValueKind.Object
        && claims.TryGetProperty(Confirmation, out var confirmation)
        && confirmation.ValueKind == JsonValueKind.Object
        && confirmation.TryGetProperty(CertificateThumbprint, out var thumbprint)
        && thumbprint.ValueKind == JsonValueKind.String
            ? thumbprint.GetString()
            : null;
}
