namespace McpClientGen.DemoServer;

/// <summary>The three <c>private_key_jwt</c> clients of a <see cref="DemoStack"/>, each with its own key.</summary>
public sealed class DemoJwtClients
{
    internal DemoJwtClients(DemoJwtClient es256, DemoJwtClient rs256, DemoJwtClient certificate)
    {
        Es256 = es256;
        Rs256 = rs256;
        Certificate = certificate;
        All = [es256, rs256, certificate];
    }

    /// <summary><c>demo-jwt-es256</c>: a P-256 key, for ES256 assertions.</summary>
    public DemoJwtClient Es256 { get; }

    /// <summary><c>demo-jwt-rs256</c>: a 2048-bit RSA key, for RS256 and PS256 assertions.</summary>
    public DemoJwtClient Rs256 { get; }

    /// <summary>
    /// <c>demo-jwt-cert</c>: a self-signed X.509 certificate over a 2048-bit RSA key, for assertions that name the
    /// certificate in their header (<c>x5t#S256</c>).
    /// </summary>
    public DemoJwtClient Certificate { get; }

    /// <summary>All three, in the order above.</summary>
    public IReadOnlyList<DemoJwtClient> All { get; }

    /// <inheritdoc />
    public override string ToString() => $"DemoJwtClients {{ {string.Join(", ", All.Select(client => client.ClientId))} }}";

    internal void DisposeKeys()
    {
        foreach (var client in All)
        {
            client.DisposeKeys();
        }
    }
}
