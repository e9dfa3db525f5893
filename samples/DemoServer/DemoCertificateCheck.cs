namespace McpClientGen.DemoServer;

/// <summary>
/// One request to a mutual-TLS stack's MCP endpoint with a valid access token, as its certificate check saw it. Holds
/// thumbprints only, never the token.
/// </summary>
/// <param name="PresentedThumbprint">
/// The <c>x5t#S256</c> (base64url SHA-256) of the client certificate of the request's TLS connection, or
/// <see langword="null"/> when it presented none.
/// </param>
/// <param name="BoundThumbprint">The <c>x5t#S256</c> of the token's <c>cnf</c> claim, or <see langword="null"/> for a token bound to no certificate.</param>
public sealed record DemoCertificateCheck(string? PresentedThumbprint, string? BoundThumbprint)
{
    /// <summary>Whether the request was let through: the token is bound to the certificate the connection presented.</summary>
    public bool Accepted => BoundThumbprint is not null && BoundThumbprint == PresentedThumbprint;
}
