using System.Linq;
using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>
/// Emits the implementation class of a client (<c>ICrmClient</c> → <c>CrmClient</c>): constructors, a
/// <c>Create</c> factory, and one method per tool that writes the arguments and reads the typed result.
/// </summary>
internal static class ClientClassEmitter
{
    public static string Emit(ClientSpec client)
    {
        var (declaration, snapshot) = (client.Interface, client.Snapshot);
        var typePrefix = QualifiedInterface(declaration) + ".";
        var serializer = declaration.ClassName + "Serializer";
        var writer = FileHeader.Begin(client);

        writer.Line($"/// <summary>The generated client for the MCP server described by the snapshot {XmlDoc.Code(snapshot.Name)}; see <see cref=\"{declaration.Name}\"/>.</summary>");
        writer.Line($"[{TypeSyntax.GeneratedCode}]");
        using (writer.Block($"{(declaration.IsPublic ? "public" : "internal")} sealed partial class {declaration.ClassName} : global::McpClientGen.McpClientProxy, {declaration.Name}, global::McpClientGen.IMcpGeneratedClient<{declaration.ClassName}>"))
        {
            WriteConstruction(writer, declaration);
            writer.Line();
            WriteSnapshotTools(writer, client);
            foreach (var method in client.Methods)
            {
                writer.Line();
                WriteMethod(writer, method, typePrefix, serializer + ".");
                if (method.IsDeclared)
                {
                    continue;
                }

                writer.Line();
                WriteForwarding(writer, MethodSignature.TokenOnlyOverload(method, typePrefix), $"{method.Name}({MethodSignature.TokenOnlyForwarding(method)})");
                if (method.Tool.ArgumentsRecord is not null)
                {
                    writer.Line();
                    WriteArgumentsOverload(writer, method, typePrefix);
                    writer.Line();
                    WriteForwarding(writer, MethodSignature.ArgumentsTokenOnlyOverload(method, typePrefix), $"{method.Name}(arguments, null, cancellationToken)");
                }
            }

            foreach (var prompt in client.Prompts)
            {
                writer.Line();
                PromptMethodEmitter.WriteImplementation(writer, prompt);
            }

            foreach (var resource in client.Resources)
            {
                writer.Line();
                ResourceMethodEmitter.WriteImplementation(writer, resource);
            }

            foreach (var method in client.Unbound)
            {
                writer.Line();
                WriteUnbound(writer, method);
            }
        }

        if (SerializerEmitter.IsNeeded(client, snapshot))
        {
            writer.Line();
            SerializerEmitter.Write(writer, client, snapshot, serializer, typePrefix);
        }

        return writer.ToString();
    }

    private static void WriteConstruction(SourceWriter writer, InterfaceSpec declaration)
    {
        writer.Line("/// <summary>The scopes from <c>[ClientCredentials]</c>, used when the options name none.</summary>");
        writer.Line($"public const string? DefaultScopes = {Literal.Of(declaration.Scopes)};");
        writer.Line();
        writer.Line("/// <summary>Creates a client over a connection that the caller owns and disposes.</summary>");
        writer.Line("/// <param name=\"connection\">The authenticated connection to the MCP server.</param>");
        WriteConstructor(writer, $"public {declaration.ClassName}(global::McpClientGen.McpConnection connection)", "ownsConnection: false, SnapshotTools");
        writer.Line();
        WriteConstructor(writer, $"private {declaration.ClassName}(global::McpClientGen.McpConnection connection, bool ownsConnection)", "ownsConnection, SnapshotTools");

        writer.Line();
        writer.Line("/// <summary>Creates a client with its own connection, authenticated with client credentials; dispose it when done.</summary>");
        writer.Line("/// <param name=\"options\">Endpoint and credentials. <see cref=\"DefaultScopes\"/> apply when <c>Scopes</c> is not set.</param>");
        writer.Line("/// <param name=\"timeProvider\">The clock for token expiry; the system clock by default.</param>");
        writer.Line("/// <param name=\"loggerFactory\">Logging for the connection.</param>");
        NonUserCode.Write(writer);
        writer.Line($"public static {declaration.ClassName} Create(global::McpClientGen.McpConnectionOptions options, global::System.TimeProvider? timeProvider = null, global::Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null) =>");
        using (writer.Indented())
        {
            writer.Line("new(CreateConnection(options, DefaultScopes, timeProvider, loggerFactory), ownsConnection: true);");
        }

        // For AddMcpClient: dependency injection creates the client through these, without reflection.
        writer.Line();
        NonUserCode.Write(writer);
        writer.Line($"static string? global::McpClientGen.IMcpGeneratedClient<{declaration.ClassName}>.DefaultScopes => DefaultScopes;");
        writer.Line();
        NonUserCode.Write(writer);
        writer.Line($"static {declaration.ClassName} global::McpClientGen.IMcpGeneratedClient<{declaration.ClassName}>.Create(global::McpClientGen.McpConnection connection) => new(connection);");
    }

    /// <summary>
    /// The tools the client calls, handed to the SDK through the connection: it then sends the <c>Mcp-Param-*</c>
    /// headers their schemas ask for without listing the tools first, and does not warn on every call.
    /// </summary>
    private static void WriteSnapshotTools(SourceWriter writer, ClientSpec client)
    {
        writer.Line("/// <summary>The tools this client calls, as the snapshot describes them; see <see cref=\"global::McpClientGen.McpConnection.AddKnownTools\"/>.</summary>");
        writer.Line("private static readonly global::ModelContextProtocol.Protocol.Tool[] SnapshotTools =");
        writer.Line("[");
        using (writer.Indented())
        {
            foreach (var tool in client.Tools)
            {
                writer.Line(tool.HeaderSchemaJson is { } schema
                    ? $"SnapshotTool({Literal.Of(tool.WireName)}, {Literal.Of(schema)}),"
                    : $"SnapshotTool({Literal.Of(tool.WireName)}),");
            }
        }

        writer.Line("];");
    }

    private static void WriteConstructor(SourceWriter writer, string signature, string ownership)
    {
        NonUserCode.Write(writer);
        writer.Line(signature);
        using (writer.Indented())
        {
            writer.Line($": base(connection, {ownership})");
        }

        writer.Line("{").Line("}");
    }

    /// <summary>
    /// Checks required references, writes each argument under its wire name, and calls the tool. Writing happens
    /// straight into the request's JSON, so a call allocates no dictionary or boxed values.
    /// </summary>
    private static void WriteMethod(SourceWriter writer, ToolMethodSpec method, string typePrefix, string helperPrefix)
    {
        writer.Line("/// <inheritdoc />");
        NonUserCode.Write(writer);
        using (writer.Block($"public {MethodSignature.Declaration(method, typePrefix)}"))
        {
            foreach (var parameter in method.Parameters.Where(p => !p.IsNullable && !p.Property.Type.IsValueType))
            {
                writer.Line($"{TypeSyntax.ArgumentNullException}.ThrowIfNull({parameter.Name});");
            }

            writer.Line($"var __arguments = new {TypeSyntax.ToolArguments}();");
            if (MethodSignature.TakesArgumentsObject(method))
            {
                writer.Line("__arguments.CopyProperties(arguments);");
            }

            // A declared method may leave out a required property that has a default: the default is still sent.
            var omittedDefaults = method.Tool.Parameters
                .Where(property => property.SendsDefaultWhenNull && !method.Parameters.Any(p => p.Property.WireName == property.WireName))
                .ToList();
            if (method.Parameters.Count + omittedDefaults.Count > 0)
            {
                writer.Line("var __writer = __arguments.Writer;");
            }

            foreach (var parameter in method.Parameters)
            {
                JsonWriteEmitter.Property(writer, parameter.Property, parameter.Name, parameter.IsNullable, "__writer", helperPrefix);
            }

            foreach (var property in omittedDefaults)
            {
                JsonWriteEmitter.Default(writer, property, "__writer");
            }

            var call = $"({Literal.Of(method.Tool.WireName)}, __arguments, ";
            var progressAndToken = (method.ProgressName ?? "null") + ", " + (method.CancellationTokenName ?? $"global::System.Threading.CancellationToken.None");
            // A method declared to return Task returns the Task<CallToolResult> itself: errors still surface.
            writer.Line(method.Return switch
            {
                ToolReturn.Typed => $"return CallToolAsync{call}{helperPrefix}Read{JsonShape.Name(method.Tool.Result!)}, {progressAndToken});",
                // The user's System.Text.Json context reads their type; its static Default comes from that generator.
                ToolReturn.Declared => $"return CallToolAsync<{method.DeclaredReturn!.Type}>{call}{method.DeclaredReturn.JsonContext}.Default, {progressAndToken});",
                ToolReturn.Json => $"return CallToolForJsonAsync{call}{progressAndToken});",
                // Text is never null, so a declared Task<string?> takes the Task<string> as it is (no CS8619).
                ToolReturn.Text => $"return CallToolForTextAsync{call}{progressAndToken}){(method.DeclaredReturn!.Type.EndsWith("?", System.StringComparison.Ordinal) ? "!" : "")};",
                _ => $"return CallToolAsync{call}{progressAndToken});",
            });
        }
    }

    /// <summary>
    /// A declared method that does not fit its tool: implemented explicitly, so the build's errors are the generator's
    /// diagnostics on the declaration and not a missing member here; it throws if the error was silenced.
    /// </summary>
    private static void WriteUnbound(SourceWriter writer, UnboundMethodSpec method)
    {
        writer.Line("/// <inheritdoc />");
        NonUserCode.Write(writer);
        writer.Line($"{method.Signature} =>");
        using (writer.Indented())
        {
            writer.Line($"throw new global::System.NotSupportedException({Literal.Of(method.Message)});");
        }
    }

    /// <summary>A hidden overload, kept for older calls, that only passes its arguments on to another.</summary>
    private static void WriteForwarding(SourceWriter writer, string signature, string call)
    {
        writer.Line("/// <inheritdoc />");
        NonUserCode.Write(writer);
        MethodSignature.WriteHidden(writer);
        writer.Line($"public {signature} =>");
        using (writer.Indented())
        {
            writer.Line(call + ";");
        }
    }

    /// <summary>The record overload unpacks the record into the flat method, so both send the same JSON.</summary>
    private static void WriteArgumentsOverload(SourceWriter writer, ToolMethodSpec method, string typePrefix)
    {
        writer.Line("/// <inheritdoc />");
        NonUserCode.Write(writer);
        using (writer.Block($"public {MethodSignature.ArgumentsOverload(method, typePrefix)}"))
        {
            writer.Line($"{TypeSyntax.ArgumentNullException}.ThrowIfNull(arguments);");
            writer.Line($"return {method.Name}(");
            using (writer.Indented())
            {
                foreach (var parameter in method.Parameters)
                {
                    writer.Line($"arguments.{parameter.Property.Identifier},");
                }

                writer.Line($"{method.ProgressName},");
                writer.Line("cancellationToken);");
            }
        }
    }

    public static string QualifiedInterface(InterfaceSpec declaration) =>
        "global::" + (declaration.Namespace.Length == 0 ? "" : declaration.Namespace + ".") + declaration.Name;
}
