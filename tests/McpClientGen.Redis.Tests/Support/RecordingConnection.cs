using System.Reflection;
using System.Runtime.ExceptionServices;
using StackExchange.Redis;

namespace McpClientGen.Redis.Tests.Support;

/// <summary>
/// A real connection that records what the store does with it: how often each of its methods is called, and which
/// handlers its subscriber has registered and not unregistered since (the client keeps a handler registered even when
/// the server refuses the subscription, which only the one that added it can undo). Every call goes to the real
/// connection unchanged.
/// </summary>
internal sealed class RecordingConnection
{
    private readonly HashSet<Delegate> _registered = [];
    private readonly Dictionary<string, int> _calls = [];
    private int _subscribed;

    public RecordingConnection(IConnectionMultiplexer redis) =>
        Redis = Forwarding.Create<IConnectionMultiplexer>((method, args) =>
        {
            lock (_registered)
            {
                _calls[method.Name] = _calls.GetValueOrDefault(method.Name) + 1;
            }

            return method.Name == nameof(IConnectionMultiplexer.GetSubscriber)
                ? Counting((ISubscriber)Forwarding.Call(redis, method, args)!)
                : Forwarding.Call(redis, method, args);
        });

    /// <summary>The connection to hand to the store.</summary>
    public IConnectionMultiplexer Redis { get; }

    /// <summary>How many times the store called the connection's method <paramref name="name"/>.</summary>
    public int Calls(string name)
    {
        lock (_registered)
        {
            return _calls.GetValueOrDefault(name);
        }
    }

    /// <summary>How many handlers were subscribed, refused or not.</summary>
    public int Subscribed
    {
        get
        {
            lock (_registered)
            {
                return _subscribed;
            }
        }
    }

    /// <summary>How many subscribed handlers were not unsubscribed.</summary>
    public int StillRegistered
    {
        get
        {
            lock (_registered)
            {
                return _registered.Count;
            }
        }
    }

    private ISubscriber Counting(ISubscriber subscriber) => Forwarding.Create<ISubscriber>((method, args) => Count(subscriber, method, args));

    private object? Count(ISubscriber subscriber, MethodInfo method, object?[]? args)
    {
        if (args?.OfType<Action<RedisChannel, RedisValue>>().FirstOrDefault() is { } handler)
        {
            lock (_registered)
            {
                if (method.Name.StartsWith("Subscribe", StringComparison.Ordinal))
                {
                    _subscribed++;
                    _registered.Add(handler);
                }
                else if (method.Name.StartsWith("Unsubscribe", StringComparison.Ordinal))
                {
                    _registered.Remove(handler);
                }
            }
        }

        return Forwarding.Call(subscriber, method, args);
    }

    /// <summary>An interface proxy that hands every call to a function.</summary>
    public class Forwarding : DispatchProxy
    {
        private Func<MethodInfo, object?[]?, object?> _invoke = null!;

        public static T Create<T>(Func<MethodInfo, object?[]?, object?> invoke)
            where T : class
        {
            var proxy = Create<T, Forwarding>();
            ((Forwarding)(object)proxy)._invoke = invoke;
            return proxy;
        }

        /// <summary>Calls <paramref name="method"/> on <paramref name="target"/>, throwing what it throws rather than a wrapper.</summary>
        public static object? Call(object target, MethodInfo method, object?[]? args)
        {
            try
            {
                return method.Invoke(target, args);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is { } inner)
            {
                ExceptionDispatchInfo.Throw(inner);
                throw;
            }
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => _invoke(targetMethod!, args);
    }
}
