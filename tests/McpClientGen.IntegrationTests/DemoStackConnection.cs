using McpClientGen.DemoServer;

namespace McpClientGen.IntegrationTests;

/// <summary>Connection options for the demo stack's MCP endpoint and its registered client.</summary>
internal static class DemoStackConnection
{
    public static McpConnectionOptions ClientOptions(this DemoStack stack) => new()
    {
        Endpoint = stack.McpEndpoint,
        ClientId = stack.ClientId,
        ClientSecret = stack.ClientSecret,
    };

    /// <summary>
    /// A mutual-TLS stack's certificate client, with its first certificate and its registered method, trusting the
    /// stack's self-signed server certificate, and naming the authorization server the credentials belong to.
    /// </summary>
    public static McpConnectionOptions MutualTlsOptions(this DemoStack stack, DemoMtlsClient client) => new()
    {
        Endpoint = stack.McpEndpoint,
        ClientId = client.ClientId,
        ClientCertificate = client.Certificate,
        ClientAuthentication = client.AuthenticationMethod == "tls_client_auth"
            ? ClientAuthenticationMethod.TlsClientAuth
            : ClientAuthenticationMethod.SelfSignedTlsClientAuth,
        AuthorizationServer = stack.Issuer,
        ServerCertificateAuthorities = [stack.MutualTls!.ServerCertificate],
    };
}
