using Microsoft.Extensions.Time.Testing;

namespace McpClientGen.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows which of its timers are pending, so a test can advance the clock
/// exactly when the code under test waits on it (a Polly retry delay, a per-attempt timeout) and never while a
/// real loopback request is in flight. Advancing in blind steps would race the network: the fake clock could run
/// past a per-attempt timeout before the request even reached the stub.
/// </summary>
public sealed class FakeClock : FakeTimeProvider
{
    /// <summary>A whole second, so JWT <c>iat</c>/<c>nbf</c>/<c>exp</c> (whole seconds) equal the clock exactly.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly List<PendingTimer> _pending = [];
    private TaskCompletionSource _created = NewSignal();
    private int _started;

    /// <summary>A clock at <see cref="DefaultStart"/>.</summary>
    public FakeClock()
        : base(DefaultStart)
    {
    }

    /// <summary>How many one-shot timers have been started (or restarted) so far; see <see cref="PendingTimer.Number"/>.</summary>
    public int StartedTimers
    {
        get
        {
            lock (_gate)
            {
                return _started;
            }
        }
    }

    /// <summary>The timers started and neither fired nor disposed, earliest due first.</summary>
    public IReadOnlyList<PendingTimer> PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return [.. _pending.OrderBy(timer => timer.DueAt)];
            }
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Only one-shot timers are tracked: delays and timeouts are one-shot, and a periodic timer is never "done".
        if (period != Timeout.InfiniteTimeSpan)
        {
            return base.CreateTimer(callback, state, dueTime, period);
        }

        // Tracked before the base timer exists: a timer due now fires inside base.CreateTimer.
        var timer = new TrackedTimer(this, Track(dueTime));
        timer.Inner = base.CreateTimer(
            s =>
            {
                timer.Fired();
                callback(s);
            },
            state,
            dueTime,
            period);
        return timer;
    }

    /// <summary>Waits (real time, bounded) until a pending timer matches, and returns the earliest such.</summary>
    public async Task<PendingTimer> WaitForTimerAsync(Func<PendingTimer, bool> match)
    {
        while (true)
        {
            Task created;
            lock (_gate)
            {
                if (_pending.Where(match).OrderBy(timer => timer.DueAt).FirstOrDefault() is { } found)
                {
                    return found;
                }

                created = _created.Task;
            }

            try
            {
                await created.WaitAsync(Bounded.Limit);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException("The code under test started no timer of the kind the test waited for.");
            }
        }
    }

    /// <summary>Moves the clock to exactly when <paramref name="timer"/> is due, which fires it.</summary>
    public void AdvanceTo(PendingTimer timer)
    {
        var remaining = timer.DueAt - GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            Advance(remaining);
        }
    }

    /// <summary>
    /// Runs <paramref name="task"/> to completion, firing each pending timer that <paramref name="advanceFor"/>
    /// accepts as soon as it is started. Between timers it waits (real time, bounded) for the task or the next
    /// timer. At most <paramref name="maxAdvances"/> advances, so a retry loop that never ends fails the test.
    /// </summary>
    public async Task<T> CompleteAsync<T>(Task<T> task, Func<PendingTimer, bool> advanceFor, int maxAdvances = 20)
    {
        var advances = 0;
        while (!task.IsCompleted)
        {
            PendingTimer? next;
            Task created;
            lock (_gate)
            {
                next = _pending.Where(advanceFor).OrderBy(timer => timer.DueAt).FirstOrDefault();
                created = _created.Task;
            }

            if (next is not null)
            {
                Assert.True(++advances <= maxAdvances, $"The task was still not complete after {maxAdvances} clock advances.");
                AdvanceTo(next);
                continue;
            }

            try
            {
                await Task.WhenAny(task, created).WaitAsync(Bounded.Limit);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException("The task neither completed nor started a timer the test could advance.");
            }
        }

        return await task;
    }

    private PendingTimer Track(TimeSpan dueTime)
    {
        TaskCompletionSource created;
        PendingTimer tracked;
        lock (_gate)
        {
            tracked = new PendingTimer(dueTime, GetUtcNow() + dueTime, ++_started);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                _pending.Add(tracked);
            }

            created = _created;
            _created = NewSignal();
        }

        created.SetResult();
        return tracked;
    }

    private void Forget(PendingTimer timer)
    {
        lock (_gate)
        {
            _pending.Remove(timer);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Keeps <see cref="FakeClock.PendingTimers"/> in step with what the code does to its timer.</summary>
    private sealed class TrackedTimer(FakeClock clock, PendingTimer tracked) : ITimer
    {
        private PendingTimer _tracked = tracked;

        public ITimer Inner { get; set; } = null!;

        public void Fired() => clock.Forget(_tracked);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Forget(_tracked);
            _tracked = clock.Track(period == Timeout.InfiniteTimeSpan ? dueTime : Timeout.InfiniteTimeSpan);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            clock.Forget(_tracked);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            clock.Forget(_tracked);
            return Inner.DisposeAsync();
        }
    }
}

/// <summary>A started one-shot timer of a <see cref="FakeClock"/>.</summary>
/// <param name="dueTime">The due time it was started with.</param>
/// <param name="dueAt">The fake-clock instant it fires at.</param>
/// <param name="number">Its place in the order timers were started: 1 for the clock's first.</param>
public sealed class PendingTimer(TimeSpan dueTime, DateTimeOffset dueAt, int number)
{
    /// <summary>Its place in the order timers were started: 1 for the clock's first.</summary>
    public int Number { get; } = number;

    /// <summary>The due time it was started with.</summary>
    public TimeSpan DueTime { get; } = dueTime;

    /// <summary>The fake-clock instant it fires at.</summary>
    public DateTimeOffset DueAt { get; } = dueAt;
}
