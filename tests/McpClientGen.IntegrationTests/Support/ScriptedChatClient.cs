using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// A language model stand-in for sampling: answers every request with <paramref name="reply"/> as model
/// <see cref="ModelId"/>, and keeps the text of the requests it was given.
/// </summary>
internal sealed class ScriptedChatClient(string reply) : IChatClient
{
    public const string ModelId = "scripted-model";

    private readonly List<string> _prompts = [];

    /// <summary>The text of each request, its messages joined, in arrival order.</summary>
    public IReadOnlyList<string> Prompts
    {
        get
        {
            lock (_prompts)
            {
                return [.. _prompts];
            }
        }
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Record(messages);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)) { ModelId = ModelId });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Record(messages);
        await Task.Yield();
        yield return new ChatResponseUpdate(ChatRole.Assistant, reply) { ModelId = ModelId };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private void Record(IEnumerable<ChatMessage> messages)
    {
        lock (_prompts)
        {
            _prompts.Add(string.Join("\n", messages.Select(message => message.Text)));
        }
    }
}
