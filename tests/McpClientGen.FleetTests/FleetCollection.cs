using McpClientGen.Testing;

namespace McpClientGen.FleetTests;

/// <summary>
/// The fleet tests run one after another: each starts several processes on a small machine, and the refresh test
/// counts real seconds, which processes of another test would slow down. For the same reason the collection holds the
/// <see cref="RealTimeTestLock"/>, so no other test process's real-time test runs beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FleetCollection : ICollectionFixture<FleetCollection.Exclusive>
{
    public const string Name = "Fleet";

    /// <summary>Holds the <see cref="RealTimeTestLock"/> from the collection's first test to its last.</summary>
    public sealed class Exclusive : IAsyncLifetime
    {
        private IDisposable? _lock;

        public async Task InitializeAsync() => _lock = await RealTimeTestLock.AcquireAsync();

        public Task DisposeAsync()
        {
            _lock?.Dispose();
            return Task.CompletedTask;
        }
    }
}
