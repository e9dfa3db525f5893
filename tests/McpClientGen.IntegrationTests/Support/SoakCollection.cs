namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// The soak runs alone: it must not compete with other tests for the cores, and it counts the process-wide
/// <c>McpClientGen</c> meter, to which no other test may add meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "Soak";
}
