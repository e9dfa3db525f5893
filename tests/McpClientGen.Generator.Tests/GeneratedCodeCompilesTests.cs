using McpClientGen.Testing;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Tests;

/// <summary>Shapes of use that the golden tests do not cover: several interfaces on one snapshot, and filters.</summary>
public sealed class GeneratedCodeCompilesTests
{
    private static readonly InMemoryAdditionalText Weather = new(
        "/schemas/weather.mcp.json",
        File.ReadAllText(RepositoryPaths.Combine("tests", "McpClientGen.Generator.Tests", "Golden", "Weather", "weather.mcp.json")));

    [Fact]
    public void Two_interfaces_can_share_one_snapshot_each_with_its_own_types()
    {
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(
            """
            namespace Contoso;

            [McpClientGen.McpClient("weather")]
            internal partial interface IWeatherClient;

            [McpClientGen.McpClient("weather", Include = new[] { "get_forecast" })]
            public partial interface IForecastClient;

            internal static class Usage
            {
                // The same schema gives two distinct types, one nested in each interface.
                public static IWeatherClient.Unit Convert(IForecastClient.Unit unit) => (IWeatherClient.Unit)(int)unit;
            }
            """,
            Weather);

        AssertCompilesCleanly(output, generatorDiagnostics);
        var forecastClient = output.GetTypeByMetadataName("Contoso.IForecastClient")!;
        var weatherClient = output.GetTypeByMetadataName("Contoso.IWeatherClient")!;
        Assert.Equal(["GetForecastAsync"], MethodNames(forecastClient));
        Assert.Equal(["AlertsSubscribeAsync", "GetForecastAsync"], MethodNames(weatherClient));
        Assert.Equal(Accessibility.Public, output.GetTypeByMetadataName("Contoso.ForecastClient")!.DeclaredAccessibility);
        Assert.Equal(Accessibility.Internal, output.GetTypeByMetadataName("Contoso.WeatherClient")!.DeclaredAccessibility);
    }

    /// <summary>
    /// Each call binds to the overload it must: a token passed positionally right after the arguments (as written before
    /// progress) to the hidden forwarding overload, on the interface and on the class alike; a named token, no token, or
    /// a progress receiver to the method that takes progress. Hidden means <c>[EditorBrowsable(Never)]</c>.
    /// </summary>
    [Fact]
    public void Calls_written_before_progress_still_compile_bind_to_the_hidden_overloads_and_progress_goes_before_the_token()
    {
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using ModelContextProtocol;

            [McpClientGen.McpClient("weather")]
            public partial interface IWeatherClient;

            internal static class Usage
            {
                public static async Task CallAsync(IWeatherClient client, WeatherClient concrete, IProgress<ProgressNotificationValue> progress, CancellationToken token)
                {
                    // As written before: the token positionally after every argument, or named, or left out.
                    await client.GetForecastAsync("Oslo", 3, IWeatherClient.Unit.Celsius, "x", token);
                    await client.AlertsSubscribeAsync("eu", null, token);
                    await concrete.GetForecastAsync("Oslo", 3, null, null, token);
                    await concrete.GetForecastAsync("Oslo", 3, cancellationToken: token);
                    await client.GetForecastAsync("Oslo", 3);
                    await client.GetForecastAsync(new IWeatherClient.GetForecastArguments { City = "Oslo", Days = 3 }, token);
                    await concrete.GetForecastAsync(new IWeatherClient.GetForecastArguments { City = "Oslo", Days = 3 }, token);
                    // With progress: positionally before the token, or named.
                    await client.GetForecastAsync("Oslo", 3, null, null, progress, token);
                    await concrete.AlertsSubscribeAsync("eu", progress: progress);
                    await client.GetForecastAsync(new IWeatherClient.GetForecastArguments { City = "Oslo", Days = 3 }, progress, token);
                }
            }
            """,
            Weather);

        AssertCompilesCleanly(output, generatorDiagnostics);
        Assert.Equal(
            [
                "hidden IWeatherClient.GetForecastAsync(city, days, unit, class, cancellationToken)",
                "hidden IWeatherClient.AlertsSubscribeAsync(regionCode, severeOnly, cancellationToken)",
                "hidden WeatherClient.GetForecastAsync(city, days, unit, class, cancellationToken)",
                "WeatherClient.GetForecastAsync(city, days, unit, class, progress, cancellationToken)",
                "IWeatherClient.GetForecastAsync(city, days, unit, class, progress, cancellationToken)",
                "hidden IWeatherClient.GetForecastAsync(arguments, cancellationToken)",
                "hidden WeatherClient.GetForecastAsync(arguments, cancellationToken)",
                "IWeatherClient.GetForecastAsync(city, days, unit, class, progress, cancellationToken)",
                "WeatherClient.AlertsSubscribeAsync(regionCode, severeOnly, progress, cancellationToken)",
                "IWeatherClient.GetForecastAsync(arguments, progress, cancellationToken)",
            ],
            BoundMethods(output, output.SyntaxTrees.First()));
        var flat = GeneratorHarness.VisibleMethods(output.GetTypeByMetadataName("IWeatherClient")!, "GetForecastAsync")
            .Single(method => method.Parameters[0].Name == "city");
        Assert.Equal(
            ["city", "days", "unit", "class", "progress", "cancellationToken"],
            flat.Parameters.Select(parameter => parameter.Name).ToArray());
        Assert.Equal("IProgress<ProgressNotificationValue>?", flat.Parameters[4].Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
    }

    [Fact]
    public void A_tool_property_named_progress_keeps_its_name_and_the_receiver_takes_another()
    {
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(
            """
            [McpClientGen.McpClient("tasks")]
            public partial interface ITasksClient;
            """,
            new InMemoryAdditionalText(
                "/schemas/tasks.mcp.json",
                """
                {"server":{"name":"tasks","version":"1"},"tools":[{"name":"update_task","inputSchema":{"type":"object",
                "properties":{"id":{"type":"string"},"progress":{"type":"integer"}},"required":["id","progress"]}}]}
                """));

        AssertCompilesCleanly(output, generatorDiagnostics);
        var method = GeneratorHarness.VisibleMethods(output.GetTypeByMetadataName("ITasksClient")!, "UpdateTaskAsync")
            .Single(method => method.Parameters[0].Name == "id");
        Assert.Equal(["id", "progress", "progressReporter", "cancellationToken"], method.Parameters.Select(parameter => parameter.Name).ToArray());
    }

    [Fact]
    public void Exclude_leaves_out_tools_and_the_types_only_they_use()
    {
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(
            """
            [McpClientGen.McpClient("weather", Exclude = new[] { "get_*" })]
            public partial interface IAlertsClient;
            """,
            Weather);

        AssertCompilesCleanly(output, generatorDiagnostics);
        var alerts = output.GetTypeByMetadataName("IAlertsClient")!;
        Assert.Equal(["AlertsSubscribeAsync"], MethodNames(alerts));
        Assert.Equal(["AlertsSubscribeArguments"], alerts.GetTypeMembers().Select(t => t.Name).ToArray());
    }

    [Fact]
    public void An_invalid_tool_is_skipped_and_the_others_compile()
    {
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(
            """
            [McpClientGen.McpClient("mixed", Exclude = new[] { "no_schema" })]
            public partial interface IMixedClient;
            """,
            new InMemoryAdditionalText(
                "/schemas/mixed.mcp.json",
                """{"tools":[{"name":"ping","inputSchema":{"type":"object"}},{"name":"no_schema"},{"name":"bad_output","inputSchema":{},"outputSchema":true}]}"""));

        Assert.Equal(["MCPGEN030"], generatorDiagnostics.Select(d => d.Id).ToArray());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(["PingAsync"], MethodNames(output.GetTypeByMetadataName("IMixedClient")!));
    }

    /// <summary>
    /// Punctuation-only differences are spelled, and a type that a tool's output shares with its input is named
    /// after what it is (<c>OrderStatus</c>, <c>OrderTotal</c>) rather than after the input's path.
    /// </summary>
    [Fact]
    public void Punctuated_enum_values_and_types_shared_by_input_and_output_get_meaningful_names()
    {
        const string status = """{"type":"string","enum":["open","closed"]}""";
        const string money = """{"type":"object","properties":{"amount":{"type":"number"},"currency":{"type":"string"}}}""";
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(
            """
            [McpClientGen.McpClient("shop")]
            public partial interface IShopClient;

            internal static class Usage
            {
                public static IShopClient.SearchOrdersSort Sort => IShopClient.SearchOrdersSort.ReactionsPlus1 | IShopClient.SearchOrdersSort.ReactionsMinus1;

                public static IShopClient.OrderStatus StatusOf(IShopClient.SearchOrdersResult result) => result.Orders![0].Status!.Value;

                public static IShopClient.OrderTotal? TotalOf(IShopClient.SearchOrdersResult result) => result.Orders![0].Total;

                public static System.Threading.Tasks.Task<IShopClient.SearchOrdersResult> Search(IShopClient client) =>
                    client.SearchOrdersAsync(new IShopClient.SearchOrdersFilters { Status = IShopClient.OrderStatus.Open, MinTotal = new IShopClient.OrderTotal() }, Sort);
            }
            """,
            new InMemoryAdditionalText(
                "/schemas/shop.mcp.json",
                """
                {"tools":[{"name":"search_orders",
                  "inputSchema":{"type":"object","properties":{
                    "filters":{"type":"object","properties":{"status":STATUS,"min_total":MONEY}},
                    "sort":{"type":"string","enum":["created","reactions-+1","reactions--1"]}}},
                  "outputSchema":{"type":"object","properties":{
                    "orders":{"type":"array","items":{"type":"object","properties":{"status":STATUS,"total":MONEY}}}}}}]}
                """.Replace("STATUS", status, StringComparison.Ordinal).Replace("MONEY", money, StringComparison.Ordinal)));

        AssertCompilesCleanly(output, generatorDiagnostics);
        var types = output.GetTypeByMetadataName("IShopClient")!.GetTypeMembers().Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["OrderStatus", "OrderTotal", "SearchOrdersArguments", "SearchOrdersFilters", "SearchOrdersResult", "SearchOrdersResultOrder", "SearchOrdersSort"], types);
    }

    /// <summary>
    /// An input property named <c>result</c> takes <c>SearchResult</c>, so the result record is <c>SearchResult2</c>;
    /// the neutral name of the status both share is cut from that actual name, never leaving <c>2Status</c>.
    /// </summary>
    [Fact]
    public void A_shared_type_is_named_neutrally_when_the_result_record_is_numbered()
    {
        const string status = """{"type":"string","enum":["open","closed"]}""";
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(
            """
            [McpClientGen.McpClient("finder")]
            public partial interface IFinderClient;

            internal static class Usage
            {
                public static IFinderClient.Status StatusOf(IFinderClient.SearchResult2 result) => result.Status!.Value;
            }
            """,
            new InMemoryAdditionalText(
                "/schemas/finder.mcp.json",
                """
                {"tools":[{"name":"search",
                  "inputSchema":{"type":"object","properties":{
                    "result":{"type":"object","properties":{"limit":{"type":"integer"}}},
                    "status":STATUS}},
                  "outputSchema":{"type":"object","properties":{"status":STATUS}}}]}
                """.Replace("STATUS", status, StringComparison.Ordinal)));

        AssertCompilesCleanly(output, generatorDiagnostics);
        var types = output.GetTypeByMetadataName("IFinderClient")!.GetTypeMembers().Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["SearchArguments", "SearchResult", "SearchResult2", "Status"], types);
    }

    /// <summary>A declared <c>Task&lt;string?&gt;</c> is implemented without a nullability warning (CS8619).</summary>
    [Fact]
    public void A_declared_nullable_text_result_compiles_without_warnings()
    {
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(
            """
            #nullable enable
            [McpClientGen.McpClient("weather")]
            public partial interface IWeatherTextClient
            {
                [McpClientGen.McpTool("get_forecast")]
                System.Threading.Tasks.Task<string?> GetForecastTextAsync(string city, int days);
            }
            """,
            Weather);

        AssertCompilesCleanly(output, generatorDiagnostics);
    }

    /// <summary>
    /// The neutral name <c>Location</c>, nested in the interface, would hide the user's own <c>MyApp.Location</c> that
    /// a declared method returns: the generated type takes another name, and the declaration keeps its meaning.
    /// </summary>
    [Fact]
    public void A_generated_type_does_not_hide_a_user_type_named_in_a_declared_signature()
    {
        const string location = """{"type":"object","properties":{"lat":{"type":"number"},"lon":{"type":"number"}}}""";
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(
            """
            #nullable enable
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using System.Text.Json.Serialization.Metadata;
            using System.Threading.Tasks;

            namespace MyApp;

            public sealed record Location(double Lat, double Lon);

            [McpClientGen.McpClient("geo", JsonContext = typeof(GeoJson))]
            public partial interface IGeoClient
            {
                [McpClientGen.McpTool("where_am_i")]
                Task<Location> LocateAsync();

                IReadOnlyList<Location[]> History => [];
            }

            [JsonSerializable(typeof(Location))]
            internal sealed partial class GeoJson : JsonSerializerContext
            {
                private GeoJson() : base(null)
                {
                }

                public static GeoJson Default { get; } = new();

                protected override JsonSerializerOptions? GeneratedSerializerOptions => null;

                public override JsonTypeInfo? GetTypeInfo(System.Type type) => null;
            }
            """,
            new InMemoryAdditionalText(
                "/schemas/geo.mcp.json",
                """
                {"tools":[{"name":"where_am_i","inputSchema":{"type":"object"}},
                  {"name":"move","inputSchema":{"type":"object","properties":{"location":LOCATION}},
                   "outputSchema":{"type":"object","properties":{"location":LOCATION}}}]}
                """.Replace("LOCATION", location, StringComparison.Ordinal)));

        AssertCompilesCleanly(output, generatorDiagnostics);
        var types = output.GetTypeByMetadataName("MyApp.IGeoClient")!.GetTypeMembers().Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["Location2", "MoveArguments", "MoveResult"], types);
    }

    /// <summary>A tool listed twice, valid first: a declared method uses the valid entry, and only the repeat is skipped.</summary>
    [Fact]
    public void A_declared_method_binds_to_the_valid_entry_of_a_repeated_tool()
    {
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(
            """
            [McpClientGen.McpClient("repeated")]
            public partial interface IRepeatedClient
            {
                [McpClientGen.McpTool("ping")]
                System.Threading.Tasks.Task<string> PingTextAsync();
            }
            """,
            new InMemoryAdditionalText(
                "/schemas/repeated.mcp.json",
                """{"tools":[{"name":"ping","inputSchema":{"type":"object"}},{"name":"ping"}]}"""));

        Assert.Equal(["MCPGEN030"], generatorDiagnostics.Select(d => d.Id).ToArray());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var text = string.Join("\n", output.SyntaxTrees.Select(tree => tree.ToString()));
        Assert.Contains("return CallToolForTextAsync(\"ping\"", text, StringComparison.Ordinal);
    }

    private static string[] MethodNames(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).Distinct().Order(StringComparer.Ordinal).ToArray();

    private static void AssertCompilesCleanly(Compilation output, IEnumerable<Diagnostic> generatorDiagnostics)
    {
        Assert.DoesNotContain(generatorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The method each invocation in <paramref name="tree"/> binds to, in order, marked when editors hide it.</summary>
    private static string[] BoundMethods(Compilation output, SyntaxTree tree)
    {
        var model = output.GetSemanticModel(tree);
        return tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>()
            .Select(invocation =>
            {
                var method = model.GetSymbolInfo(invocation).Symbol as IMethodSymbol;
                Assert.True(method is not null, $"'{invocation}' binds to no single method");
                var hidden = method.GetAttributes().Any(attribute => attribute.AttributeClass?.ToDisplayString() == "System.ComponentModel.EditorBrowsableAttribute"
                    && attribute.ConstructorArguments.Single().Value is (int)System.ComponentModel.EditorBrowsableState.Never);
                return $"{(hidden ? "hidden " : "")}{method.ContainingType.Name}.{method.Name}({string.Join(", ", method.Parameters.Select(p => p.Name))})";
            })
            .ToArray();
    }
}
