namespace McpClientGen.Generator;

/// <summary>Names of the pipeline steps, so tests can assert what was cached.</summary>
internal static class TrackingNames
{
    /// <summary>Each <c>[McpClient]</c> interface, read with its locations and declaration diagnostics.</summary>
    public const string Interfaces = nameof(Interfaces);

    /// <summary>The additional files named <c>*.mcp.json</c>.</summary>
    public const string SnapshotFiles = nameof(SnapshotFiles);

    /// <summary>The additional files named <c>*.overlay.json</c>.</summary>
    public const string OverlayFiles = nameof(OverlayFiles);

    /// <summary>What every <c>[McpClient]</c> takes from its snapshot: name, filters, declared tools.</summary>
    public const string Usages = nameof(Usages);

    /// <summary>The names of the snapshots some <c>[McpClient]</c> names.</summary>
    public const string UsedSnapshotNames = nameof(UsedSnapshotNames);

    /// <summary>Each snapshot file paired with its overlay file, if it has one, and whether a client names it.</summary>
    public const string SnapshotSources = nameof(SnapshotSources);

    /// <summary>Each snapshot, read with its overlay, its locations and diagnostics.</summary>
    public const string Snapshots = nameof(Snapshots);

    /// <summary>All snapshots together, which every interface is matched against.</summary>
    public const string AllSnapshots = nameof(AllSnapshots);

    /// <summary>Each interface paired with all snapshots.</summary>
    public const string InterfacesWithSnapshots = nameof(InterfacesWithSnapshots);

    /// <summary>Each interface bound to its snapshot: the client and the diagnostics.</summary>
    public const string Bindings = nameof(Bindings);

    /// <summary>The location-free client models, the only input of emission.</summary>
    public const string Clients = nameof(Clients);

    /// <summary>The diagnostics of each snapshot file that a client uses, for the tools the clients use.</summary>
    public const string SnapshotDiagnostics = nameof(SnapshotDiagnostics);

    /// <summary>The diagnostics of each overlay that refines no snapshot.</summary>
    public const string OverlayDiagnostics = nameof(OverlayDiagnostics);

    /// <summary>The diagnostics of each interface.</summary>
    public const string ClientDiagnostics = nameof(ClientDiagnostics);
}
