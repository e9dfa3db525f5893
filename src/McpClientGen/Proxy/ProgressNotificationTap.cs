namespace McpClientGen;

/// <summary>
/// A handler outside the authentication handlers: it gives every <c>text/event-stream</c> response a body that reports each
/// <c>notifications/progress</c> to <see cref="ProgressListeners"/> as its bytes pass through. The SDK 2.4 hands each
/// incoming notification to the thread pool on its own, so its progress callbacks can run out of order and after the
/// call has returned; reading the stream itself keeps the server's order, and a report is made before the bytes of
/// the result that follows it reach the SDK.
/// </summary>
internal sealed class ProgressNotificationTap(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!ProgressListeners.HasReceivers || !string.Equals(response.Content.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return response;
        }

        var original = response.Content;
        var tapped = new StreamContent(new ServerSentEventsTap(await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)));
        foreach (var (name, values) in original.Headers.NonValidated)
        {
            tapped.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values);
        }

        response.Content = tapped;
        return response;
    }
}
