using System.Text.Json;

namespace McpClientGen.DemoServer;

/// <summary>
/// Keeps the last <c>capabilities</c> object an MCP client declared, exactly as it sent it. Clients declare them in
/// <c>initialize</c> (<c>params.capabilities</c>, protocol 2025-11-25 and earlier) or, from protocol 2026-07-28 on,
/// in every request's <c>params._meta["io.modelcontextprotocol/clientCapabilities"]</c>; both are recorded. Reading the
/// raw JSON rather than the SDK's session state also covers the stateless mode, in which the SDK keeps no session.
/// </summary>
internal sealed class ClientCapabilitiesRecorder
{
    private const string MetaKey = "io.modelcontextprotocol/clientCapabilities";

    private readonly Lock _gate = new();
    private JsonElement? _last;

    public JsonElement? Last
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>Middleware that records the capabilities of each request that reaches it.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        foreach (var message in await McpRequestBody.ReadMessagesAsync(context))
        {
            if (CapabilitiesOf(message) is { } capabilities)
            {
                lock (_gate)
                {
                    _last = capabilities;
                }
            }
        }

        await next(context);
    }

    private static JsonElement? CapabilitiesOf(JsonElement message)
    {
        if (McpRequestBody.ParamsOf(message) is not { } parameters)
        {
            return null;
        }

        if (McpRequestBody.MethodOf(message) == "initialize"
            && parameters.TryGetProperty("capabilities", out var declared)
            && declared.ValueKind == JsonValueKind.Object)
        {
            return declared;
        }

        return parameters.TryGetProperty("_meta", out var meta)
            && meta.ValueKind == JsonValueKind.Object
            && meta.TryGetProperty(MetaKey, out var perRequest)
            && perRequest.ValueKind == JsonValueKind.Object
                ? perRequest
                : null;
    }
}
