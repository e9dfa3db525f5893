namespace McpClientGen.ConformanceClient;

/// <summary>What the client does in each scenario it supports.</summary>
internal static class Scenarios
{
    public static async Task<int> RunAsync(string scenario, Uri serverUrl, ConformanceContext context)
    {
        switch (scenario)
        {
            case "initialize":
            {
                // This scenario's server answers every unknown method with an empty result, which the SDK's probe of
                // the 2026-07-28 revision cannot read; the scenario checks the 2025-11-25 handshake anyway.
                await using var connection = McpConnection.CreateUnauthenticated(serverUrl, protocolVersion: "2025-11-25");
                var (server, protocolVersion) = await connection.GetServerInfoAsync();
                Console.WriteLine($"Initialized with {server?.Name} {server?.Version}, protocol {protocolVersion}.");
                return 0;
            }

            case "tools_call":
            {
                await using var connection = McpConnection.CreateUnauthenticated(serverUrl);
                await SnapshotCapture.WriteIfRequestedAsync(connection);
                await using var tools = new AddNumbersClient(connection);
                Console.WriteLine(Text(await tools.AddNumbersAsync(a: 2, b: 3)));
                return 0;
            }

            case "auth/client-credentials-basic" or "auth/client-credentials-jwt":
            {
                await using var connection = McpConnection.Create(context.Options(serverUrl));
                await SnapshotCapture.WriteIfRequestedAsync(connection);
                await using var client = new AuthTestClient(connection);
                Console.WriteLine(Text(await client.TestToolAsync()));
                return 0;
            }

            case "auth/wif-jwt-bearer":
            {
                // Workload identity federation (conformance 0.2.0-alpha.12): the platform token is the grant, and the
                // client secret the other auth scenarios use does not exist.
                await using var connection = McpConnection.Create(context.WorkloadOptions(serverUrl));
                await using var client = new AuthTestClient(connection);
                Console.WriteLine(Text(await client.TestToolAsync()));
                return 0;
            }

            case "sse-retry":
            {
                // Tests the SDK transport's SSE reconnection; the server has no snapshot and answers one revision only: the
                // one 0.2 names in MCP_CONFORMANCE_PROTOCOL_VERSION (2025-11-25), or 2025-03-26 in 0.1.16, which names none.
                var revision = Environment.GetEnvironmentVariable("MCP_CONFORMANCE_PROTOCOL_VERSION") ?? "2025-03-26";
                await using var connection = McpConnection.CreateUnauthenticated(serverUrl, protocolVersion: revision);
                var result = await connection.CallToolAsync(new ModelContextProtocol.Protocol.CallToolRequestParams { Name = "test_reconnection" });
                Console.WriteLine(Text(result));
                return 0;
            }

            case "auth/resource-mismatch" or "auth/metadata-issuer-mismatch":
            {
                // These scenarios give no credentials: any will do, since the client must stop at discovery, when the
                // protected-resource metadata names another resource, or the authorization server's metadata another issuer.
                var options = new McpConnectionOptions
                {
                    Endpoint = serverUrl, ClientId = "conformance-client", ClientSecret = "not-used", TrustDiscoveredAuthorizationServer = true,
                };
                await using var connection = McpConnection.Create(options);
                await using var client = new AuthTestClient(connection);
                await client.TestToolAsync();
                Console.Error.WriteLine("The server was called although its metadata could not be trusted.");
                return 1;
            }

            case "http-custom-headers":
            {
                // SEP-2243 through a generated client, without listing the tools: the snapshot's schemas tell the SDK which
                // parameters to mirror into Mcp-Param-* headers. The suite chooses the values (ones that need base64, a null).
                await using var connection = McpConnection.CreateUnauthenticated(serverUrl);
                await SnapshotCapture.WriteIfRequestedAsync(connection);
                await using var client = new CustomHeadersClient(connection);
                Console.WriteLine(Text(await client.TestCustomHeadersAsync(
                    context.ArgumentsOf<ICustomHeadersClient.TestCustomHeadersArguments>("test_custom_headers"))));
                Console.WriteLine(Text(await client.TestCustomHeadersNullAsync(
                    context.ArgumentsOf<ICustomHeadersClient.TestCustomHeadersNullArguments>("test_custom_headers_null"))));
                return 0;
            }

            case var _ when RevisionScenarios.Handles(scenario):
                return await RevisionScenarios.RunAsync(scenario, serverUrl);

            default:
                Console.Error.WriteLine($"The scenario '{scenario}' is not supported by this client (it supports initialize, tools_call, " +
                    "auth/client-credentials-basic, auth/client-credentials-jwt, auth/wif-jwt-bearer, auth/resource-mismatch, " +
                    "auth/metadata-issuer-mismatch, sse-retry, request-metadata, http-standard-headers, http-custom-headers, " +
                    "http-invalid-tool-headers, json-schema-ref-no-deref, json-schema-2020-12-preservation and sep-2322-client-request-state).");
                return 3;
        }
    }

    private static string Text(ModelContextProtocol.Protocol.CallToolResult result) =>
        string.Concat(result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(block => block.Text));
}
