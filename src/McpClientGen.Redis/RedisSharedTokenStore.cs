using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace McpClientGen.Redis;

/// <summary>
/// The token store a fleet shares on Redis, or a Redis-compatible server with Lua scripting: the store's atomic
/// compare-and-delete and compare-and-renew steps are Lua scripts (<c>EVAL</c>), so Garnet must run with <c>--lua</c>.
/// Entries are protected with ASP.NET Core Data Protection, so the processes must share Data Protection keys (for
/// example with <c>PersistKeysToStackExchangeRedis</c>) and application name; a process without them cannot read an entry.
/// </summary>
/// <remarks>
/// <para>
/// Layout, with the default prefix <c>mcpgen:</c>: the entry <c>mcpgen:tok:{id}</c> (the token's digest and the protected
/// entry, expiring with the token's usable lifetime); the lease <c>mcpgen:lease:{id}</c> (a random holder id, set only if
/// absent, expiring with the lease time); the channel <c>mcpgen:ready:{id}</c>, published after an entry is stored and
/// after a lease is released. <c>{id}</c> is <see cref="SharedTokenKey.Id"/>, a digest that names no client, scope or secret.
/// </para>
/// <para>
/// A lease is renewed every third of its lease time while its holder has not released it, so a token request that takes
/// longer than the lease time (retries, Retry-After) does not let others start requests of their own; renewal stops at
/// the release, or when Redis fails or refuses it (the lease is no longer this holder's), and a holder that dies stops
/// renewing, so its lease expires within one lease time.
/// </para>
/// <para>
/// <see cref="WaitForEntryAsync"/> returns <see langword="null"/> at the timeout, or earlier when no process holds the
/// key's lease any more (released without a token, or expired): it looks at the lease at each poll and when a release is
/// announced, and the engine then tries the lease itself rather than sitting out the timeout.
/// </para>
/// <para>
/// Store faults throw, by design: while Redis is unreachable every call fails at once rather than queuing, and the
/// engine's guard turns any failure into "nothing stored" with one warning per outage, requests tokens per process and
/// tries the store again later. A stored value that is malformed (not written by this store, not for this key, or of
/// another Redis type) is deleted so the fleet can share again, and the call throws <see cref="InvalidDataException"/>
/// naming none of its content. A value this process cannot decrypt is not deleted (the misconfigured process is most
/// likely this one, and the others can still read it): it is left to expire, the call throws
/// <see cref="InvalidDataException"/>, and the store logs once that Data Protection keys and the application name must be
/// shared.
/// </para>
/// </remarks>
public sealed class RedisSharedTokenStore : IMcpSharedTokenStore, IAsyncDisposable, IDisposable
{
    private readonly IConnectionMultiplexer _redis;
    private readonly bool _ownsConnection;
    private readonly IDatabase _database;
    private readonly ProtectedEntryCodec _codec;
    private readonly string _prefix;
    private readonly TimeSpan _pollInterval;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private int _pollingReported;
    private int _undecryptableReported;
    private int _disposed;

    /// <summary>A store on a connection the application owns (for example the <see cref="IConnectionMultiplexer"/> in its container).</summary>
    /// <param name="redis">The connection; the store does not dispose it.</param>
    /// <param name="dataProtection">Protects the stored entries; every process of the fleet must share its keys.</param>
    /// <param name="options">Key prefix, polling interval and database; defaults when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Logging; none when <see langword="null"/>.</param>
    public RedisSharedTokenStore(
        IConnectionMultiplexer redis, IDataProtectionProvider dataProtection, RedisSharedTokenStoreOptions? options = null, ILoggerFactory? loggerFactory = null)
        : this(redis, ownsConnection: false, dataProtection, options, loggerFactory, TimeProvider.System)
    {
    }

    /// <summary>A store whose waits run on <paramref name="timeProvider"/>; for tests.</summary>
    internal RedisSharedTokenStore(
        IConnectionMultiplexer redis,
        bool ownsConnection,
        IDataProtectionProvider dataProtection,
        RedisSharedTokenStoreOptions? options,
        ILoggerFactory? loggerFactory,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(dataProtection);
        options ??= new RedisSharedTokenStoreOptions();
        ArgumentNullException.ThrowIfNull(options.KeyPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PollInterval, TimeSpan.Zero);
        _redis = redis;
        _ownsConnection = ownsConnection;
        _database = redis.GetDatabase(options.Database);
        _codec = new ProtectedEntryCodec(dataProtection);
        _prefix = options.KeyPrefix;
        _pollInterval = options.PollInterval;
        _timeProvider = timeProvider;
        _logger = (ILogger?)loggerFactory?.CreateLogger<RedisSharedTokenStore>() ?? NullLogger.Instance;
    }

    /// <summary>
    /// A store on a connection of its own, which it disposes. It does not throw when Redis is down: it connects in the
    /// background, and until it is connected every call fails at once (the engine then requests tokens per process).
    /// </summary>
    /// <param name="connectionString">A StackExchange.Redis configuration string, such as <c>localhost:6379,password=…</c>.</param>
    /// <param name="dataProtection">Protects the stored entries; every process of the fleet must share its keys.</param>
    /// <param name="options">Key prefix, polling interval and database; defaults when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Logging; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is not a valid configuration string (the message does not quote it).</exception>
    public static RedisSharedTokenStore Connect(
        string connectionString, IDataProtectionProvider dataProtection, RedisSharedTokenStoreOptions? options = null, ILoggerFactory? loggerFactory = null) =>
        new(ConnectionFactory.Connect(connectionString), ownsConnection: true, dataProtection, options, loggerFactory, TimeProvider.System);

    /// <inheritdoc />
    public async ValueTask<SharedTokenEntry?> GetAsync(SharedTokenKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        EnsureConnected();
        return await ReadAsync(key, new RedisKeys(_prefix, key)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(SharedTokenKey key, SharedTokenEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entry);

        // Redis counts in whole milliseconds, and refuses an expiry of none.
        if (timeToLive < TimeSpan.FromMilliseconds(1))
        {
            return;
        }

        EnsureConnected();
        var keys = new RedisKeys(_prefix, key);
        await _database.StringSetAsync(keys.Entry, _codec.Encode(key, entry), timeToLive).ConfigureAwait(false);

        // The digest only: a waiter reads the entry itself, and the channel carries nothing worth reading.
        await _redis.GetSubscriber().PublishAsync(keys.Ready, entry.ValueHash).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable?> TryAcquireLeaseAsync(SharedTokenKey key, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        EnsureConnected();
        var keys = new RedisKeys(_prefix, key);
        RedisValue holder = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var taken = await _database.StringSetAsync(keys.Lease, holder, leaseTime, When.NotExists).ConfigureAwait(false);
        return taken ? new RedisLease(_database, _redis.GetSubscriber(), keys, holder, leaseTime, _timeProvider) : null;
    }

    /// <inheritdoc />
    public async ValueTask<SharedTokenEntry?> WaitForEntryAsync(SharedTokenKey key, string? seenValueHash, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);

        // The deadline starts now, before any round trip, so the wait never exceeds the timeout it was given.
        using var deadline = new CancellationTokenSource(timeout, _timeProvider);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        EnsureConnected();
        var keys = new RedisKeys(_prefix, key);
        using var ready = new SemaphoreSlim(0, 1);
        void OnReady(RedisChannel channel, RedisValue message) => Signal(ready);

        // Subscribed before the first read: an entry stored between the read and the subscription would go unannounced.
        var subscriber = _redis.GetSubscriber();
        try
        {
            await TrySubscribeAsync(subscriber, keys.Ready, OnReady).ConfigureAwait(false);
            while (true)
            {
                // The lease is looked at before the entry: a holder stores its token before it releases the lease, so a
                // lease gone by then means the entry read next is all that is coming.
                var leaseHeld = await _database.KeyExistsAsync(keys.Lease).ConfigureAwait(false);
                if (await ReadAsync(key, keys).ConfigureAwait(false) is { } entry && entry.ValueHash != seenValueHash)
                {
                    return entry;
                }

                if (!leaseHeld)
                {
                    return null;
                }

                using var poll = new CancellationTokenSource(_pollInterval, _timeProvider);
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(poll.Token, waiting.Token);
                try
                {
                    await ready.WaitAsync(wake.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!waiting.IsCancellationRequested)
                {
                    // The poll interval passed without a notification: read again.
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            // Even when subscribing failed: the client may have registered the handler before the server refused.
            await UnsubscribeAsync(subscriber, keys.Ready, OnReady).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask RemoveIfAsync(SharedTokenKey key, string valueHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(valueHash);
        EnsureConnected();
        await RedisScripts.DeleteIfPrefixedAsync(_database, new RedisKeys(_prefix, key).Entry, ProtectedEntryCodec.PrefixOf(valueHash)).ConfigureAwait(false);
    }

    /// <summary>Closes the connection if the store opened it (<see cref="Connect"/>); a connection it was given is left open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsConnection && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _redis.CloseAsync().ConfigureAwait(false);
            _redis.Dispose();
        }
    }

    /// <summary>
    /// Closes the connection if the store opened it, without waiting for commands in flight; a connection it was given is
    /// left open. (A container disposed synchronously needs this: it refuses services that can only be disposed asynchronously.)
    /// </summary>
    public void Dispose()
    {
        if (_ownsConnection && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _redis.Dispose();
        }
    }

    private static void Signal(SemaphoreSlim ready)
    {
        // One pending wake-up is enough: the waiter reads the entry, whatever number of tokens were announced.
        try
        {
            ready.Release();
        }
        catch (SemaphoreFullException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async ValueTask<SharedTokenEntry?> ReadAsync(SharedTokenKey key, RedisKeys keys)
    {
        byte[]? stored;
        try
        {
            stored = await _database.StringGetAsync(keys.Entry).ConfigureAwait(false);
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("WRONGTYPE", StringComparison.Ordinal))
        {
            // Not a string at all, so not an entry: removed (if still of another type) so the fleet can share again.
            await RedisScripts.DeleteIfNotStringAsync(_database, keys.Entry).ConfigureAwait(false);
            throw Malformed();
        }

        if (stored is null)
        {
            return null;
        }

        SharedTokenEntry? entry;
        try
        {
            entry = _codec.Decode(key, stored);
        }
        catch (CryptographicException)
        {
            // Most likely this process is the odd one out (other keys or application name): deleting would destroy the
            // entry for every process that can read it, so it is left to expire. The guard reports the failure.
            if (Interlocked.Exchange(ref _undecryptableReported, 1) == 0)
            {
                RedisStoreLog.CannotDecryptSharedEntries(_logger);
            }

            throw new InvalidDataException(
                "A shared token entry could not be decrypted by this process: it was written with Data Protection keys or an application name this process does not have. It was left to expire.");
        }

        if (entry is not null)
        {
            return entry;
        }

        // Removed only if unchanged: a good entry stored meanwhile stays. The guard reports the failure, once.
        await RedisScripts.DeleteIfEqualAsync(_database, keys.Entry, stored).ConfigureAwait(false);
        throw Malformed();
    }

    private static InvalidDataException Malformed() =>
        new("A shared token entry could not be read: it was not written by this store, or not for this key. It was removed.");

    private async ValueTask TrySubscribeAsync(ISubscriber subscriber, RedisChannel channel, Action<RedisChannel, RedisValue> handler)
    {
        try
        {
            await subscriber.SubscribeAsync(channel, handler).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or RedisCommandException or RedisTimeoutException)
        {
            if (Interlocked.Exchange(ref _pollingReported, 1) == 0)
            {
                RedisStoreLog.PollingWithoutPubSub(_logger, exception.GetType().Name, _pollInterval);
            }
        }
    }

    private static async ValueTask UnsubscribeAsync(ISubscriber subscriber, RedisChannel channel, Action<RedisChannel, RedisValue> handler)
    {
        try
        {
            await subscriber.UnsubscribeAsync(channel, handler).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException or RedisCommandException)
        {
            // The connection went away, and the subscription with it; or there never was one on the server.
        }
    }

    private void EnsureConnected()
    {
        // Commands sent while disconnected would queue until the connection's timeout (seconds): fail now instead.
        if (!_redis.IsConnected)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is not connected.", innerException: null, CommandStatus.Unknown);
        }
    }
}
