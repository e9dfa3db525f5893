using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Parsing;

/// <summary>What a declared parameter is for, judged by its type's full metadata name, never by its simple name.</summary>
internal enum ParameterRole
{
    /// <summary>A tool argument (or a mistake the binder reports as one).</summary>
    Argument,

    /// <summary><c>System.Threading.CancellationToken</c>.</summary>
    CancellationToken,

    /// <summary><c>System.IProgress&lt;ModelContextProtocol.ProgressNotificationValue&gt;</c>, nullable or not.</summary>
    Progress,

    /// <summary>
    /// An <c>IProgress&lt;…&gt;</c> that is not the one above (another value type, a nullable value, a type of the
    /// same name from elsewhere): plainly meant as the receiver, so it is reported as one, not as an unknown argument.
    /// </summary>
    OtherProgress,
}

/// <summary>Tells a declared parameter's <see cref="ParameterRole"/> from its type.</summary>
internal static class ParameterRoles
{
    private const string CancellationToken = "System.Threading.CancellationToken";
    private const string Progress = "System.IProgress`1";
    private const string ProgressValue = "ModelContextProtocol.ProgressNotificationValue";

    public static ParameterRole Of(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return ParameterRole.Argument;
        }

        if (FullName(named) == CancellationToken)
        {
            return ParameterRole.CancellationToken;
        }

        if (named.Name != "IProgress" || named.TypeArguments.Length != 1)
        {
            return ParameterRole.Argument;
        }

        // Reports are never null, so IProgress<ProgressNotificationValue?> is a near miss too.
        var value = named.TypeArguments[0];
        return FullName(named.OriginalDefinition) == Progress && FullName(value) == ProgressValue && value.NullableAnnotation != NullableAnnotation.Annotated
            ? ParameterRole.Progress
            : ParameterRole.OtherProgress;
    }

    private static string FullName(ITypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;
}
