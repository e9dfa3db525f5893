namespace McpClientGen.Generator;

/// <summary>Names of the pipeline steps, so tests can assert what was cached.</summary>
internal static class TrackingNames
{
    public const string Interfaces = nameof(Interfaces);
    public const string Snapshots = nameof(Snapshots);
    public const string Clients = nameof(Clients);
    public const string SnapshotDiagnostics = nameof(SnapshotDiagnostics);
}
