using System.Globalization;
using System.Text.Json;
using Json.Schema;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpClientGen.DemoServer;

/// <summary>
/// The <c>quote_shipment</c> tool: publishes the hand-written JSON Schema 2020-12 in <c>ShipmentQuoteSchema.json</c>
/// (<c>$schema</c>, <c>$defs</c> with an <c>$anchor</c> and <c>$ref</c>s to it by anchor and by pointer, <c>const</c>,
/// <c>prefixItems</c> with <c>items: false</c>, <c>anyOf</c> with null, <c>allOf</c>, <c>if</c>/<c>then</c>/<c>else</c>,
/// <c>additionalProperties: false</c>) and validates every call's arguments against it with a full 2020-12 validator,
/// so a client that rewrote or misread the schema gets a tool error naming what failed (SEP-1613).
/// </summary>
internal sealed class ShipmentQuoteTool : McpServerTool
{
    private const string SchemaResourceName = "McpClientGen.DemoServer.ShipmentQuoteSchema.json";

    private static readonly JsonElement Schema = ToolJson.LoadEmbedded(SchemaResourceName);

    // Built once per process: the validator registers every schema it builds in a shared registry.
    private static readonly JsonSchema Validator = JsonSchema.Build(Schema);

    /// <inheritdoc />
    public override Tool ProtocolTool { get; } = new()
    {
        Name = "quote_shipment",
        Title = "Quote shipment",
        Description = "Prices the delivery of a parcel. Its input schema uses JSON Schema 2020-12 keywords ($defs, "
            + "$anchor, const, prefixItems, anyOf, allOf, if/then/else), and the server validates the arguments against it.",
        InputSchema = Schema,
        Annotations = new ToolAnnotations { Title = "Quote shipment", ReadOnlyHint = true, IdempotentHint = true },
    };

    /// <inheritdoc />
    /// <remarks>Attribute-based tools carry their method's attributes here; this tool has no method.</remarks>
    public override IReadOnlyList<object> Metadata { get; } = [];

    /// <inheritdoc />
    public override ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        var arguments = ToolJson.ToObject(request.Params?.Arguments);
        var results = Validator.Evaluate(arguments, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var text = results.IsValid ? Quote(arguments) : "The arguments do not match the schema: " + string.Join("; ", Errors(results));
        return ValueTask.FromResult(new CallToolResult
        {
            IsError = !results.IsValid,
            Content = [new TextContentBlock { Text = text }],
        });
    }

    /// <summary>A price from the weight and volume, so tests can tell the arguments arrived as sent.</summary>
    private static string Quote(JsonElement arguments)
    {
        var weight = arguments.GetProperty("weightKg").GetDouble();
        var volumeLitres = arguments.GetProperty("dimensionsCm").EnumerateArray().Aggregate(1.0, (product, side) => product * side.GetInt64()) / 1000;
        var express = arguments.TryGetProperty("express", out var flag) && flag.ValueKind == JsonValueKind.True;
        var price = (5 + weight * 1.5 + volumeLitres * 0.1) * (express ? 2 : 1);
        var destination = arguments.GetProperty("destination");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{price:0.00} EUR to {destination.GetProperty("city").GetString()}, {destination.GetProperty("country").GetString()}{(express ? " by express" : string.Empty)}.");
    }

    private static IEnumerable<string> Errors(EvaluationResults results) =>
        (results.Details ?? [results])
            .Where(detail => detail.Errors is not null)
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}"));
}
