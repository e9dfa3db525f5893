using System.Globalization;

namespace McpClientGen.Fleet;

/// <summary>
/// How hard a worker calls: how many callers run at once, and when they stop. Every caller starts at the same moment
/// (the <see cref="WorkerCommands.Go"/> command), so the first calls of all of them, in every worker, race for the
/// first token. Callers stop after <see cref="CallsPerCaller"/> calls, after <see cref="Duration"/>, or at
/// <see cref="WorkerCommands.Stop"/>, whichever comes first.
/// </summary>
/// <param name="Callers">How many callers call concurrently.</param>
/// <param name="CallsPerCaller">How many calls each caller makes; 0 for no limit.</param>
/// <param name="Duration">How long the callers call; <see langword="null"/> for no limit.</param>
/// <param name="Pause">How long each caller waits between its calls: a steady service's traffic rather than a flood that
/// keeps every core busy; <see langword="null"/> for none.</param>
public sealed record WorkerLoad(int Callers, int CallsPerCaller = 0, TimeSpan? Duration = null, TimeSpan? Pause = null)
{
    /// <summary>The command-line argument that starts the program as a worker rather than as the coordinator.</summary>
    public const string WorkerArgument = "worker";

    /// <summary>The worker's command line after the program itself.</summary>
    internal IEnumerable<string> ToArguments()
    {
        yield return WorkerArgument;
        yield return "--callers";
        yield return Callers.ToString(CultureInfo.InvariantCulture);
        yield return "--calls";
        yield return CallsPerCaller.ToString(CultureInfo.InvariantCulture);
        if (Duration is { } duration)
        {
            yield return "--seconds";
            yield return duration.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        }

        if (Pause is { } pause)
        {
            yield return "--pause";
            yield return pause.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Reads the arguments that <see cref="ToArguments"/> wrote, after <see cref="WorkerArgument"/>.</summary>
    internal static WorkerLoad Parse(ProgramArguments arguments) => new(
        arguments.Int32("--callers") ?? 1,
        arguments.Int32("--calls") ?? 0,
        Seconds(arguments, "--seconds"),
        Seconds(arguments, "--pause"));

    private static TimeSpan? Seconds(ProgramArguments arguments, string name) =>
        arguments.Double(name) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
}
