namespace McpClientGen.FleetTests;

/// <summary>
/// The fleet tests run one after another: each starts several processes on a small machine, and the refresh test
/// counts real seconds, which processes of another test would slow down.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FleetCollection
{
    public const string Name = "Fleet";
}
