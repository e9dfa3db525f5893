namespace McpClientGen.Tests;

/// <summary>
/// The end of a handler chain in unit tests: records what reaches it (method, URL, Authorization header and
/// body) and answers with <see cref="Respond"/>.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly List<SentRequest> _requests = [];

    /// <summary>Answers a request; the default is 200 with an empty JSON object.</summary>
    public Func<SentRequest, int, HttpResponseMessage> Respond { get; set; } =
        (_, _) => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}") };

    public IReadOnlyList<SentRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new SentRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body);
        int index;
        lock (_requests)
        {
            _requests.Add(recorded);
            index = _requests.Count - 1;
        }

        return Respond(recorded, index);
    }
}

/// <summary>One request as it left the handler chain.</summary>
internal sealed record SentRequest(HttpMethod Method, Uri Url, string? Authorization, string? Body)
{
    /// <summary>The bearer token it carried, or <see langword="null"/>.</summary>
    public string? BearerToken => Authorization is { } value && value.StartsWith("Bearer ", StringComparison.Ordinal) ? value["Bearer ".Length..] : null;
}
