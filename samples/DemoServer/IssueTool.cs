using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpClientGen.DemoServer;

/// <summary>
/// The <c>get_issue</c> tool, shaped like the tools most public MCP servers publish (GitHub's among them): it declares
/// no output schema and answers with JSON in a text block only, its issue number is a JSON <c>number</c> although only
/// whole numbers make sense, and its <c>detail</c> property is required yet has a <c>default</c>. It is strict as real
/// servers are: a fractional issue number or a missing <c>detail</c> is a tool error. It exists for client tests of
/// typing such results (declared result types, overlays, inferred schemas).
/// </summary>
internal sealed class IssueTool : McpServerTool
{
    private static readonly JsonElement InputSchema = Parse("""
        {
          "type": "object",
          "properties": {
            "owner": { "type": "string", "description": "The account that owns the repository." },
            "repo": { "type": "string", "description": "The repository's name." },
            "issue_number": { "type": "number", "description": "The issue's number." },
            "detail": {
              "type": "string",
              "enum": [ "summary", "full" ],
              "default": "summary",
              "description": "How much to return: 'full' adds the body."
            }
          },
          "required": [ "owner", "repo", "issue_number", "detail" ]
        }
        """);

    private static readonly DateTimeOffset FirstIssueCreated = new(2026, 1, 5, 9, 30, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public override Tool ProtocolTool { get; } = new()
    {
        Name = "get_issue",
        Title = "Get issue",
        Description = "Gets an issue of a repository, as JSON text. The demo derives the issue from its number, so it never changes.",
        InputSchema = InputSchema,
        Annotations = new ToolAnnotations { Title = "Get issue", ReadOnlyHint = true, IdempotentHint = true },
    };

    /// <inheritdoc />
    /// <remarks>Attribute-based tools carry their method's attributes here; this tool has no method.</remarks>
    public override IReadOnlyList<object> Metadata { get; } = [];

    /// <inheritdoc />
    public override ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        var arguments = request.Params?.Arguments ?? new Dictionary<string, JsonElement>();
        var owner = RequiredString(arguments, "owner");
        var repo = RequiredString(arguments, "repo");
        var detail = RequiredString(arguments, "detail");
        if (detail is not ("summary" or "full"))
        {
            throw new McpException("'detail' must be 'summary' or 'full'.");
        }

        if (!arguments.TryGetValue("issue_number", out var number) || number.ValueKind != JsonValueKind.Number
            || !number.TryGetInt64(out var issue) || issue < 1)
        {
            throw new McpException("'issue_number' must be a whole number of at least 1.");
        }

        return ValueTask.FromResult(new CallToolResult
        {
            Content = [new TextContentBlock { Text = IssueJson(owner, repo, issue, detail == "full") }],
        });
    }

    private static string RequiredString(IDictionary<string, JsonElement> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new McpException($"'{name}' is required and must be a string.");

    // GitHub's field names and layout: snake_case, a nested user, an array of labels, a nullable body.
    private static string IssueJson(string owner, string repo, long number, bool full)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("number", number);
            writer.WriteString("title", string.Create(CultureInfo.InvariantCulture, $"Issue {number} of {owner}/{repo}"));
            writer.WriteString("state", number % 2 == 1 ? "open" : "closed");
            writer.WriteStartObject("user");
            writer.WriteString("login", owner);
            writer.WriteEndObject();
            writer.WriteStartArray("labels");
            writer.WriteStartObject();
            writer.WriteString("name", "bug");
            writer.WriteString("color", "d73a4a");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteNumber("comments", number % 7);
            writer.WriteString("created_at", FirstIssueCreated.AddDays(number));
            writer.WriteString("html_url", string.Create(CultureInfo.InvariantCulture, $"https://github.example/{owner}/{repo}/issues/{number}"));
            if (full)
            {
                writer.WriteString("body", string.Create(CultureInfo.InvariantCulture, $"Steps to reproduce issue {number}."));
            }
            else
            {
                writer.WriteNull("body");
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
