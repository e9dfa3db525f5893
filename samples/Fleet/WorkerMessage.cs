using System.Text.Json;
using System.Text.Json.Serialization;

namespace McpClientGen.Fleet;

/// <summary>
/// One line a worker writes to its standard output, as JSON: <see cref="WorkerEvents.Ready"/>, then any number of
/// <see cref="WorkerEvents.Checkpoint"/>s, then one <see cref="WorkerEvents.Result"/>. Logs go to standard error.
/// </summary>
/// <param name="Event">Which message this is, one of <see cref="WorkerEvents"/>.</param>
/// <param name="ProcessId">The worker's process id, in every message.</param>
/// <param name="Calls">The calls that succeeded so far (checkpoint) or in all (result).</param>
/// <param name="Report">The worker's figures, in the result only.</param>
public sealed record WorkerMessage(string Event, int ProcessId, long Calls = 0, WorkerReport? Report = null);

/// <summary>The names of <see cref="WorkerMessage.Event"/>.</summary>
public static class WorkerEvents
{
    /// <summary>The worker has connected to Redis and loaded its keys, and waits for <c>go</c>.</summary>
    public const string Ready = "ready";

    /// <summary>The answer to a checkpoint command: a call that started after it has succeeded.</summary>
    public const string Checkpoint = "checkpoint";

    /// <summary>The worker has stopped calling; its report follows in the message.</summary>
    public const string Result = "result";
}

/// <summary>What one worker did, as its own counters saw it.</summary>
/// <param name="Calls">Tool calls that succeeded.</param>
/// <param name="FailedCalls">Tool calls that threw.</param>
/// <param name="Errors">The first few distinct failures, as exception type and message (which never hold secrets).</param>
/// <param name="Elapsed">From <c>go</c> to the end of the last call.</param>
/// <param name="Telemetry">The worker's McpClientGen counters over the same time.</param>
public sealed record WorkerReport(long Calls, long FailedCalls, IReadOnlyList<string> Errors, TimeSpan Elapsed, WorkerTelemetry Telemetry);

/// <summary>The McpClientGen counters of one worker (the <c>McpClientGen</c> meter, read with a MeterListener).</summary>
/// <param name="TokenRequests">Token requests this process sent to the authorization server.</param>
/// <param name="UnauthorizedRetries">Requests resent with a new token after a 401.</param>
/// <param name="SharedTokenHits">Tokens taken from the shared store instead of requested.</param>
/// <param name="LeaseWaits">Acquisitions that waited for another process's token.</param>
/// <param name="LeaseTimeouts">Lease waits that ended without a token.</param>
/// <param name="StoreFailures">Shared store calls that failed or timed out.</param>
public sealed record WorkerTelemetry(
    long TokenRequests, long UnauthorizedRetries, long SharedTokenHits, long LeaseWaits, long LeaseTimeouts, long StoreFailures);

/// <summary>Reads and writes <see cref="WorkerMessage"/> without reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(WorkerMessage))]
internal sealed partial class WorkerJson : JsonSerializerContext;
