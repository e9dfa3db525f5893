using System.Globalization;
using System.Security.Claims;

namespace McpClientGen.DemoServer;

/// <summary>
/// Lets tests revoke every access token issued so far. Each token carries the revocation epoch it was issued in;
/// revoking starts a new epoch. Comparing epochs instead of issue times avoids the one-second resolution of <c>iat</c>.
/// </summary>
internal sealed class AccessTokenRevocation
{
    public const string EpochClaim = "demo_epoch";

    public const string RejectionReason = "The access token was revoked.";

    private int _epoch;

    public string CurrentEpoch => Volatile.Read(ref _epoch).ToString(CultureInfo.InvariantCulture);

    public void RevokeIssuedTokens() => Interlocked.Increment(ref _epoch);

    public bool IsRevoked(ClaimsPrincipal? principal) =>
        principal?.FindFirst(EpochClaim)?.Value != CurrentEpoch;
}
