using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpClientGen;

/// <summary>
/// Opens the session's transport through <paramref name="inner"/> and keeps it, so that tool calls can send over it
/// through <see cref="ToolCallAttempts"/>. The SDK gets the very transport <paramref name="inner"/> made, not a wrapper:
/// it treats Streamable HTTP transports by their type (telemetry, header handling).
/// </summary>
internal sealed class SessionTransportCapture(IClientTransport inner) : IClientTransport
{
    public string Name => inner.Name;

    /// <summary>The transport once connected.</summary>
    public ITransport? Connected { get; private set; }

    public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default) =>
        Connected = await inner.ConnectAsync(cancellationToken).ConfigureAwait(false);
}
