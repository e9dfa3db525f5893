namespace McpClientGen.DemoServer;

/// <summary>Hands out ticket numbers T-1001, T-1002, ... per MCP server.</summary>
internal sealed class TicketNumberSequence
{
    private int _last = 1000;

    public int Next() => Interlocked.Increment(ref _last);
}
