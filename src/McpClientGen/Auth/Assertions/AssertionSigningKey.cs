using Microsoft.IdentityModel.Tokens;

namespace McpClientGen;

/// <summary>A loaded signing key, its algorithm, and the extra JWT header fields it needs (such as <c>x5t#S256</c>).</summary>
internal sealed record AssertionSigningKey(SecurityKey Key, string Algorithm, IDictionary<string, object> AdditionalHeaders)
{
    /// <inheritdoc />
    public override string ToString() => $"AssertionSigningKey({Algorithm}, kid {Key.KeyId ?? "<none>"})";
}
