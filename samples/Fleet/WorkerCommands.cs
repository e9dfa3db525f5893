namespace McpClientGen.Fleet;

/// <summary>The lines the coordinator writes to a worker's standard input, one command per line.</summary>
internal static class WorkerCommands
{
    /// <summary>Start calling: sent to every worker once all are ready, so their first calls race.</summary>
    public const string Go = "go";

    /// <summary>
    /// Answer with a <see cref="WorkerEvents.Checkpoint"/> once a call that started after this command has succeeded:
    /// proof that the worker works after whatever the coordinator just did (revoked the token, stopped Redis).
    /// </summary>
    public const string Checkpoint = "checkpoint";

    /// <summary>Finish the calls in flight, start no more, report and exit. The end of the input means the same.</summary>
    public const string Stop = "stop";
}
