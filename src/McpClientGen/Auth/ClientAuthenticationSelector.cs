namespace McpClientGen;

/// <summary>
/// Settles the client authentication method: the configured one, or with <c>Auto</c> the best one the
/// configuration allows and the authorization server lists (RFC 8414: no list means <c>client_secret_basic</c>).
/// </summary>
internal static class ClientAuthenticationSelector
{
    /// <param name="options">The options in force.</param>
    /// <param name="server">The authorization server's metadata.</param>
    /// <param name="assertions">Signs assertions with the configured key, if any.</param>
    /// <param name="platformToken">The platform token read for this request, if one is configured.</param>
    /// <param name="certificate">The client certificate, if one is configured.</param>
    public static TokenClientAuthentication Select(
        McpConnectionOptions options,
        AuthorizationServerMetadata server,
        ClientAssertionFactory? assertions,
        PlatformToken? platformToken = null,
        ClientCertificate? certificate = null)
    {
        // The JWT-bearer grant is never switched for another: its platform token is the only credential.
        if (options.GrantType == TokenGrantType.JwtBearer)
        {
            var workloadClientId = string.IsNullOrWhiteSpace(options.ClientId) ? null : options.ClientId;
            return new TokenClientAuthentication.JwtBearerGrant(workloadClientId, platformToken ?? throw MissingPlatformToken());
        }

        var method = options.ClientAuthentication;
        var hasKey = assertions is not null;
        var supported = server.AuthenticationMethods;
        if (method == ClientAuthenticationMethod.Auto)
        {
            // A client certificate is preferred (nothing secret crosses the wire, and tokens can be bound to it), then a
            // key; a secret, if also configured, is the fallback.
            var usable = new List<ClientAuthenticationMethod>();
            if (platformToken is not null)
            {
                usable.Add(ClientAuthenticationMethod.PlatformAssertion);
            }

            if (certificate is not null)
            {
                usable.Add(certificate.IsSelfIssued ? ClientAuthenticationMethod.SelfSignedTlsClientAuth : ClientAuthenticationMethod.TlsClientAuth);
            }

            if (hasKey)
            {
                usable.Add(ClientAuthenticationMethod.PrivateKeyJwt);
            }

            if (!string.IsNullOrEmpty(options.ClientSecret))
            {
                usable.Add(ClientAuthenticationMethod.ClientSecretBasic);
                usable.Add(ClientAuthenticationMethod.ClientSecretPost);
            }

            method = supported is null
                ? usable[0]
                : usable.FirstOrDefault(candidate => supported.Contains(NameOf(candidate)), ClientAuthenticationMethod.Auto);
            if (method == ClientAuthenticationMethod.Auto)
            {
                throw new McpAuthenticationException(
                    $"The authorization server {server.Issuer?.ToString() ?? server.TokenEndpoint.ToString()} supports the client authentication methods " +
                    $"{string.Join(", ", supported!)}, none of which the configured credentials can use ({string.Join(", ", usable.Select(NameOf))}). " +
                    (supported!.Contains("private_key_jwt") ? "Configure PrivateKey, PrivateKeyFile or SigningCertificate for private_key_jwt." : "Configure a ClientSecret or ClientSecretFile."));
            }
        }

        return Create(method, options, server, assertions, platformToken, certificate);
    }

    /// <summary>The authentication for <paramref name="method"/> with the configured credentials.</summary>
    public static TokenClientAuthentication Create(
        ClientAuthenticationMethod method,
        McpConnectionOptions options,
        AuthorizationServerMetadata server,
        ClientAssertionFactory? assertions,
        PlatformToken? platformToken = null,
        ClientCertificate? certificate = null)
    {
        var clientId = options.ClientId!;
        return method switch
        {
            ClientAuthenticationMethod.ClientSecretBasic => new TokenClientAuthentication.ClientSecretBasic(clientId, options.ClientSecret!),
            ClientAuthenticationMethod.ClientSecretPost => new TokenClientAuthentication.ClientSecretPost(clientId, options.ClientSecret!),
            ClientAuthenticationMethod.PlatformAssertion => new TokenClientAuthentication.PlatformAssertion(clientId, platformToken ?? throw MissingPlatformToken()),
            ClientAuthenticationMethod.TlsClientAuth or ClientAuthenticationMethod.SelfSignedTlsClientAuth => certificate is null
                ? throw new McpAuthenticationException($"{NameOf(method)} needs a client certificate: set ClientCertificatePath, ClientCertificateThumbprint or ClientCertificate.")
                : new TokenClientAuthentication.MutualTls(NameOf(method), clientId),
            _ when assertions is null => throw new McpAuthenticationException("private_key_jwt needs PrivateKey, PrivateKeyFile or SigningCertificate."),
            _ => new TokenClientAuthentication.PrivateKeyJwt(
                clientId,
                assertions,
                SigningAlgorithmChoice.Choose(assertions.SigningKey, server),
                options.AssertionAudience,
                options.CustomAssertionAudience),
        };
    }

    public static string NameOf(ClientAuthenticationMethod method) => method switch
    {
        ClientAuthenticationMethod.ClientSecretBasic => "client_secret_basic",
        ClientAuthenticationMethod.ClientSecretPost => "client_secret_post",
        ClientAuthenticationMethod.PrivateKeyJwt or ClientAuthenticationMethod.PlatformAssertion => "private_key_jwt",
        ClientAuthenticationMethod.TlsClientAuth => "tls_client_auth",
        ClientAuthenticationMethod.SelfSignedTlsClientAuth => "self_signed_tls_client_auth",
        _ => "auto",
    };

    private static McpAuthenticationException MissingPlatformToken() =>
        new("A platform token is needed: set PlatformTokenFile or PlatformTokenProvider.");
}
