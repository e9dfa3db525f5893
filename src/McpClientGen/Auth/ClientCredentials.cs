namespace McpClientGen;

/// <summary>The client's identity at the authorization server. <see cref="ToString"/> hides the secret.</summary>
internal sealed class ClientCredentials(string clientId, string clientSecret)
{
    public string ClientId { get; } = clientId;

    public string ClientSecret { get; } = clientSecret;

    /// <inheritdoc />
    public override string ToString() => $"ClientCredentials({ClientId}, secret ***)";
}
