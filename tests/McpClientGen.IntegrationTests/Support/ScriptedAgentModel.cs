using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// A language model stand-in for agents: each request is answered with the next message of its script (typically
/// function calls, then a closing text), and the messages of each request are kept, so a test can read the function
/// results the agent sent back.
/// </summary>
internal sealed class ScriptedAgentModel(params ChatMessage[] script) : IChatClient
{
    private readonly Queue<ChatMessage> _script = new(script);
    private readonly List<IReadOnlyList<ChatMessage>> _requests = [];

    /// <summary>The messages of each request, in arrival order.</summary>
    public IReadOnlyList<IReadOnlyList<ChatMessage>> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(Next(messages)));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var message = Next(messages);
        await Task.Yield();
        yield return new ChatResponseUpdate(message.Role, message.Contents);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private ChatMessage Next(IEnumerable<ChatMessage> messages)
    {
        lock (_requests)
        {
            _requests.Add([.. messages]);
            return _script.TryDequeue(out var message)
                ? message
                : throw new InvalidOperationException($"The script has no answer for request {_requests.Count}.");
        }
    }
}
