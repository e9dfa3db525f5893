using Microsoft.IdentityModel.Tokens;

namespace McpClientGen;

/// <summary>
/// A loaded signing key, the algorithm configured for it (<see langword="null"/>: chosen per authorization server by
/// <see cref="SigningAlgorithmChoice"/>), and the extra JWT header fields it needs (such as <c>x5t#S256</c>).
/// </summary>
internal sealed record AssertionSigningKey(SecurityKey Key, string? ConfiguredAlgorithm, IDictionary<string, object> AdditionalHeaders)
{
    /// <inheritdoc />
    public override string ToString() => $"AssertionSigningKey({ConfiguredAlgorithm ?? "algorithm per server"}, kid {Key.KeyId ?? "<none>"})";
}
