using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>
/// Emits, in a file of its own, the extension that hands a client's tools to Microsoft.Extensions.AI agents
/// (<c>ICrmClient</c> → <c>CrmClientAITools.AsAITools</c>): a table of the tools the client has, as the snapshot
/// describes them, so no <c>tools/list</c> request is needed. A file of its own, so the client class is unchanged.
/// </summary>
internal static class AIToolsEmitter
{
    public static string Emit(ClientSpec client)
    {
        var (declaration, snapshot) = (client.Interface, client.Snapshot);
        var writer = FileHeader.Begin(client);

        writer.Line($"/// <summary>The tools of <see cref=\"{declaration.Name}\"/> for Microsoft.Extensions.AI agents, as the snapshot {XmlDoc.Code(snapshot.Name)} describes them.</summary>");
        writer.Line($"[{TypeSyntax.GeneratedCode}]");
        NonUserCode.Write(writer);
        using (writer.Block($"{(declaration.IsPublic ? "public" : "internal")} static class {declaration.AIToolsClassName}"))
        {
            writer.Line("/// <summary>");
            writer.Line("/// The client's tools as functions a chat client can call: described by the snapshot (no <c>tools/list</c> request) and");
            writer.Line("/// called through the client's connection. Tools not annotated read-only come wrapped in");
            writer.Line("/// <see cref=\"global::Microsoft.Extensions.AI.ApprovalRequiredAIFunction\"/>, so an agent asks before it runs them.");
            writer.Line("/// </summary>");
            writer.Line($"/// <param name=\"client\">The client McpClientGen generated (<see cref=\"{declaration.ClassName}\"/>).</param>");
            writer.Line("/// <param name=\"options\">Approval, a name prefix and how to write arguments that are not JSON; <see langword=\"null\"/> for the defaults.</param>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"client\"/> is not the generated client (a mock or a decorator, say).</exception>");
            writer.Line($"public static global::System.Collections.Generic.IList<global::Microsoft.Extensions.AI.AITool> AsAITools(this {declaration.Name} client, global::McpClientGen.McpAIToolsOptions? options = null) =>");
            using (writer.Indented())
            {
                writer.Line("global::McpClientGen.McpAITools.Create(client, Tools, options);");
            }

            writer.Line();
            writer.Line("private static readonly global::McpClientGen.McpAIToolDescription[] Tools =");
            writer.Line("[");
            using (writer.Indented())
            {
                foreach (var tool in client.Tools)
                {
                    var readOnly = tool.Annotations.ReadOnly == true ? "true" : "false";
                    writer.Line($"new({Literal.Of(tool.WireName)}, {Literal.Of(tool.Description)}, {Literal.Of(tool.InputSchemaJson)}, readOnly: {readOnly}),");
                }
            }

            writer.Line("];");
        }

        return writer.ToString();
    }
}
