using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>
/// Emits the implementation class of a client (<c>ICrmClient</c> → <c>CrmClient</c>): constructors, a
/// <c>Create</c> factory, and one method per tool that sends the arguments and reads the typed result.
/// </summary>
internal static class ClientClassEmitter
{
    public static string Emit(ClientSpec client, SnapshotSpec snapshot)
    {
        var declaration = client.Interface;
        var typePrefix = QualifiedInterface(declaration) + ".";
        var serializer = declaration.ClassName + "Serializer";
        var writer = new SourceWriter();
        FileHeader.Write(writer, snapshot);
        if (declaration.Namespace.Length > 0)
        {
            writer.Line($"namespace {declaration.Namespace};").Line();
        }

        writer.Line($"/// <summary>The generated client for the MCP server described by the snapshot {XmlDoc.Code(snapshot.Name)}; see <see cref=\"{declaration.Name}\"/>.</summary>");
        writer.Line($"[{TypeSyntax.GeneratedCode}]");
        using (writer.Block($"{(declaration.IsPublic ? "public" : "internal")} sealed partial class {declaration.ClassName} : global::McpClientGen.McpClientProxy, {declaration.Name}"))
        {
            WriteMembers(writer, declaration, snapshot, typePrefix, serializer);
        }

        writer.Line();
        SerializerEmitter.Write(writer, snapshot, serializer, typePrefix);
        return writer.ToString();
    }

    private static void WriteMembers(SourceWriter writer, InterfaceSpec declaration, SnapshotSpec snapshot, string typePrefix, string serializer)
    {
        writer.Line("/// <summary>The scopes from <c>[ClientCredentials]</c>, used when the options name none.</summary>");
        writer.Line($"public const string? DefaultScopes = {Literal.Of(declaration.Scopes)};");
        writer.Line();
        writer.Line("/// <summary>Creates a client over a connection that the caller owns and disposes.</summary>");
        writer.Line("/// <param name=\"connection\">The authenticated connection to the MCP server.</param>");
        WriteConstructor(writer, $"public {declaration.ClassName}(global::McpClientGen.McpConnection connection)", "ownsConnection: false");
        writer.Line();
        WriteConstructor(writer, $"private {declaration.ClassName}(global::McpClientGen.McpConnection connection, bool ownsConnection)", "ownsConnection");

        writer.Line();
        writer.Line("/// <summary>Creates a client with its own connection, authenticated with client credentials; dispose it when done.</summary>");
        writer.Line("/// <param name=\"options\">Endpoint and credentials. <see cref=\"DefaultScopes\"/> apply when <c>Scopes</c> is not set.</param>");
        writer.Line("/// <param name=\"timeProvider\">The clock for token expiry; the system clock by default.</param>");
        writer.Line("/// <param name=\"loggerFactory\">Logging for the connection.</param>");
        writer.Line($"public static {declaration.ClassName} Create(global::McpClientGen.McpConnectionOptions options, global::System.TimeProvider? timeProvider = null, global::Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null) =>");
        using (writer.Indented())
        {
            writer.Line("new(CreateConnection(options, DefaultScopes, timeProvider, loggerFactory), ownsConnection: true);");
        }

        foreach (var tool in snapshot.Tools)
        {
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"public {MethodSignature.Declaration(tool, typePrefix)} =>");
            using (writer.Indented())
            {
                WriteCall(writer, tool, serializer);
            }
        }
    }

    private static void WriteConstructor(SourceWriter writer, string signature, string ownership)
    {
        writer.Line(signature);
        using (writer.Indented())
        {
            writer.Line($": base(connection, {ownership})");
        }

        writer.Line("{").Line("}");
    }

    /// <summary>One argument per line, so a reader sees each wire name next to its parameter.</summary>
    private static void WriteCall(SourceWriter writer, ToolSpec tool, string serializer)
    {
        writer.Line("CallToolAsync(");
        using (writer.Indented())
        {
            writer.Line(Literal.Of(tool.WireName) + ",");
            writer.Line($"new {TypeSyntax.ToolArguments}(){(tool.Parameters.Count == 0 ? "," : "")}");
            using (writer.Indented())
            {
                for (var i = 0; i < tool.Parameters.Count; i++)
                {
                    writer.Line(ArgumentCall(tool.Parameters[i], serializer) + (i == tool.Parameters.Count - 1 ? "," : ""));
                }
            }

            if (tool.Result is not null)
            {
                writer.Line($"{serializer}.Read{tool.Result.Name},");
            }

            writer.Line("cancellationToken);");
        }
    }

    private static string ArgumentCall(PropertySpec parameter, string serializer)
    {
        var name = Literal.Of(parameter.WireName);
        var value = Naming.ToCamelCase(parameter.Identifier);
        return parameter.Type.Kind switch
        {
            TypeKind.Enum => $".Add({name}, {serializer}.ToWire({value}))",
            TypeKind.Record => $".Add({name}, {value}, {serializer}.Write{parameter.Type.Name})",
            _ => $".Add({name}, {value})",
        };
    }

    public static string QualifiedInterface(InterfaceSpec declaration) =>
        "global::" + (declaration.Namespace.Length == 0 ? "" : declaration.Namespace + ".") + declaration.Name;
}
