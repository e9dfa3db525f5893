namespace McpClientGen.Generator.Emitting;

/// <summary>
/// Marks generated code as not the user's, as Refit and CommunityToolkit.Mvvm do: the debugger steps over it and
/// coverage tools leave it out. Types the generator owns entirely (records, the serializer) are marked whole; in the
/// partial client class, which a user may extend, each generated member is marked instead. Enums, interface members
/// and fields take neither attribute (their <c>AttributeUsage</c> does not allow it, or there is no code to step into).
/// </summary>
internal static class NonUserCode
{
    public static void Write(SourceWriter writer)
    {
        writer.Line("[global::System.Diagnostics.DebuggerNonUserCode]");
        writer.Line("[global::System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverage]");
    }
}
