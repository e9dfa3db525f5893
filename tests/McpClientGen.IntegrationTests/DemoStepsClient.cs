using ModelContextProtocol;

namespace McpClientGen.IntegrationTests;

/// <summary>The demo's <c>count_steps</c> tool through a method declared with <c>[McpTool]</c> that takes a progress receiver.</summary>
[McpClient("demo", Include = ["count_steps"])]
[ClientCredentials(Scopes = "demo.read")]
public partial interface IDemoStepsClient
{
    /// <summary>Counts the steps, reporting each to <paramref name="progress"/>, and returns the server's text.</summary>
    [McpTool("count_steps")]
    Task<string> CountAsync(long steps, IProgress<ProgressNotificationValue> progress, CancellationToken cancellationToken = default);
}
