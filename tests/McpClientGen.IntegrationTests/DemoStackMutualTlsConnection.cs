using McpClientGen.DemoServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace McpClientGen.IntegrationTests;

/// <summary>Connection options and registrations for the demo stack's mutual-TLS clients (<see cref="DemoStackOptions.MutualTls"/>).</summary>
internal static class DemoStackMutualTlsConnection
{
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

    /// <summary>
    /// Configuration for a mutual-TLS stack's self-signed client, as an app would hold it: endpoint, client, issuer and
    /// method, plus the given certificate keys (such as <c>ClientCertificatePath</c>).
    /// </summary>
    public static IConfigurationRoot MutualTlsConfiguration(this DemoStack stack, params (string Key, string Value)[] certificate) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Endpoint"] = stack.McpEndpoint.AbsoluteUri,
            ["ClientId"] = stack.MutualTls!.SelfSigned.ClientId,
            ["AuthorizationServer"] = stack.Issuer.AbsoluteUri,
            ["ClientAuthentication"] = "SelfSignedTlsClientAuth",
        }.Concat(certificate.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))).Build();

    /// <summary>Registers the demo client from <paramref name="configuration"/>, trusting the stack's server certificate (which only code can set).</summary>
    public static IHttpClientBuilder AddMutualTlsDemoClient(this IServiceCollection services, DemoStack stack, IConfiguration configuration)
    {
        var builder = services.AddMcpClient<IDemoClient, DemoClient>(configuration);
        services.Configure<McpConnectionOptions>(builder.Name, options => options.ServerCertificateAuthorities = [stack.MutualTls!.ServerCertificate]);
        return builder;
    }
}
