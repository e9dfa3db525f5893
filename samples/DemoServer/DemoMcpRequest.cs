using System.Text.Json;

namespace McpClientGen.DemoServer;

/// <summary>
/// One HTTP request that reached the demo MCP endpoint, exactly as the server received it and before anything judged it
/// (authentication included): its headers and, for a POST, its JSON-RPC messages. Tests read these to check what a
/// client sent rather than what it meant to send.
/// </summary>
public sealed class DemoMcpRequest
{
    internal DemoMcpRequest(string httpMethod, IReadOnlyDictionary<string, string> headers, IReadOnlyList<JsonElement> messages)
    {
        HttpMethod = httpMethod;
        Headers = headers;
        Messages = messages;
    }

    /// <summary>The HTTP method: <c>POST</c> for JSON-RPC messages, <c>GET</c> for an event stream, <c>DELETE</c> to end a session.</summary>
    public string HttpMethod { get; }

    /// <summary>
    /// Every header, names compared without regard to case; a header sent more than once has its values joined with
    /// commas. <c>Authorization</c> is among them, so never print this.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The JSON-RPC messages of a POST (one, or each element of a batch); empty for anything else.</summary>
    public IReadOnlyList<JsonElement> Messages { get; }

    /// <summary>The <c>method</c> of the request's only JSON-RPC message; <see langword="null"/> for a response, a batch or no body.</summary>
    public string? JsonRpcMethod => Messages.Count == 1 ? McpRequestBody.MethodOf(Messages[0]) : null;

    /// <summary>The <c>params</c> of the request's only JSON-RPC message; <see langword="null"/> when it has none.</summary>
    public JsonElement? Params => Messages.Count == 1 ? McpRequestBody.ParamsOf(Messages[0]) : null;

    /// <summary>The value of header <paramref name="name"/>, or <see langword="null"/> when it was not sent.</summary>
    /// <param name="name">The header's name, in any case.</param>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The HTTP method and JSON-RPC method; no header values, since one is the access token.</summary>
    public override string ToString() => $"{HttpMethod} {JsonRpcMethod ?? $"({Messages.Count} messages)"}";
}
