namespace McpClientGen;

/// <summary>
/// A kind of call to the shared token store, as telemetry names it: the span <c>mcpclientgen.shared_token.&lt;name&gt;</c>,
/// the <c>operation</c> tag of the failure counter, and the outcome a call that answered is tagged with. No tag names
/// the token, only what happened to the call.
/// </summary>
internal sealed class SharedStoreOperation
{
    /// <summary>The span tag that says how the call ended: its answer, or <c>circuit_open</c>, <c>timeout</c>, <c>failed</c>, <c>canceled</c>.</summary>
    public const string OutcomeTag = "mcpclientgen.shared_token.outcome";

    public static readonly SharedStoreOperation Get = new("get", static entry => entry is null ? "miss" : "hit");

    public static readonly SharedStoreOperation Set = new("set", static _ => "stored");

    public static readonly SharedStoreOperation Lease = new("lease", static lease => lease is null ? "held_elsewhere" : "acquired");

    public static readonly SharedStoreOperation Wait = new("wait", static entry => entry is null ? "nothing_in_time" : "received");

    public static readonly SharedStoreOperation Remove = new("remove", static _ => "done");

    public static readonly SharedStoreOperation Release = new("release", static _ => "released");

    private readonly Func<object?, string> _outcomeOf;

    private SharedStoreOperation(string name, Func<object?, string> outcomeOf)
    {
        Name = name;
        SpanName = "mcpclientgen.shared_token." + name;
        _outcomeOf = outcomeOf;
    }

    /// <summary>The operation's short name: <c>get</c>, <c>set</c>, <c>lease</c>, <c>wait</c>, <c>remove</c> or <c>release</c>.</summary>
    public string Name { get; }

    /// <summary>The name of the operation's span.</summary>
    public string SpanName { get; }

    /// <summary>The outcome tag of a call that answered <paramref name="result"/>.</summary>
    public string OutcomeOf(object? result) => _outcomeOf(result);
}
