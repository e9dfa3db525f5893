namespace McpClientGen;

/// <summary>What an MCP server can ask a client for in the middle of a tool call (an MRTR input request).</summary>
public enum McpInputKind
{
    /// <summary>An answer from the user (<c>elicitation/create</c>): a form to fill, or a confirmation.</summary>
    Elicitation,

    /// <summary>A completion from the client's language model (<c>sampling/createMessage</c>).</summary>
    Sampling,

    /// <summary>The client's roots, the places it lets the server work in (<c>roots/list</c>).</summary>
    Roots,

    /// <summary>
    /// Input this client cannot give in any case: a kind it does not know, or a request it cannot read; the exception's
    /// message says what the server sent.
    /// </summary>
    Other,
}
