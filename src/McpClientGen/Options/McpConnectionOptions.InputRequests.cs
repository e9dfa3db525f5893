using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;

namespace McpClientGen;

public sealed partial class McpConnectionOptions
{
    /// <summary>
    /// Answers the elicitations a server asks for in the middle of a tool call (MRTR on protocol 2026-07-28, or an
    /// <c>elicitation/create</c> request on older sessions). Unset (the default), the client declares no elicitation
    /// capability, and a call whose server asks anyway fails with <see cref="McpInputRequiredException"/>. Set in code.
    /// </summary>
    public Func<ElicitRequestParams, CancellationToken, ValueTask<ElicitResult>>? ElicitationHandler { get; set; }

    /// <summary>
    /// Answers the sampling requests a server makes in the middle of a tool call with this chat client's completion.
    /// Unset (the default), the client declares no sampling capability, and a call whose server asks anyway fails with
    /// <see cref="McpInputRequiredException"/>. Set in code.
    /// </summary>
    public IChatClient? SamplingClient { get; set; }

    /// <summary>
    /// The roots given to a server that asks for them in the middle of a tool call; an empty list answers "none". Bind
    /// it from configuration (<c>Roots:0:Uri</c>, <c>Roots:0:Name</c>, ...) or set it, or set <see cref="RootsProvider"/>
    /// instead. Both unset (the default), the client declares no roots capability, and a call whose server asks anyway
    /// fails with <see cref="McpInputRequiredException"/>.
    /// </summary>
    public IList<McpRoot>? Roots { get; set; }

    /// <summary>Gives the roots each time a server asks for them; the alternative to a fixed <see cref="Roots"/> list. Set in code.</summary>
    public Func<CancellationToken, ValueTask<IReadOnlyList<McpRoot>>>? RootsProvider { get; set; }

    /// <summary>The roots may come from a list or from a provider, not both, and each root's URI is absolute.</summary>
    internal void ValidateInputHandlers()
    {
        if (Roots is not null && RootsProvider is not null)
        {
            throw Invalid($"set either {nameof(Roots)} or {nameof(RootsProvider)}, not both.");
        }

        for (var index = 0; index < (Roots?.Count ?? 0); index++)
        {
            if (!Uri.IsWellFormedUriString(Roots![index]?.Uri, UriKind.Absolute))
            {
                throw Invalid($"{nameof(Roots)}:{index}:{nameof(McpRoot.Uri)} must be an absolute URI, such as file:///srv/reports.");
            }
        }
    }
}
