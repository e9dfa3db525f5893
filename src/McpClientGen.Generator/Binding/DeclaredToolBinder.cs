using System;
using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Common;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing;

namespace McpClientGen.Generator.Binding;

/// <summary>
/// Checks a method declared with <c>[McpTool]</c> against its tool's schema and, when it fits, binds each
/// parameter to the property it sends. Every mismatch is reported on the exact parameter, type or name.
/// </summary>
internal static class DeclaredToolBinder
{
    public static ToolMethodSpec? Bind(DeclaredTool method, SnapshotSpec snapshot, List<DiagnosticInfo> diagnostics)
    {
        var tool = snapshot.Tools.FirstOrDefault(t => t.WireName == method.WireName);
        if (tool is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.DeclaredToolNotFound,
                method.WireNameLocation,
                method.WireName,
                snapshot.Name,
                string.Join(", ", snapshot.Tools.Select(t => t.WireName))));
            return null;
        }

        var errorsBefore = diagnostics.Count;
        var bindings = new List<ParameterBinding>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        string? cancellationTokenName = null;
        string? progressName = null;
        for (var i = 0; i < method.Parameters.Count; i++)
        {
            var parameter = method.Parameters[i];
            if (parameter.Role == ParameterRole.CancellationToken && !parameter.IsNullable)
            {
                cancellationTokenName = Naming.EscapeKeyword(parameter.Name);
                if (i != method.Parameters.Count - 1)
                {
                    Mismatch(parameter, "the CancellationToken must be the last parameter");
                }

                continue;
            }

            // Nullable or not: the generated implementation accepts null either way.
            if (parameter.Role == ParameterRole.Progress)
            {
                progressName = Naming.EscapeKeyword(parameter.Name);
                var next = i + 1 < method.Parameters.Count ? method.Parameters[i + 1] : null;
                if (next is not null && (next.Role != ParameterRole.CancellationToken || next.IsNullable || i + 2 != method.Parameters.Count))
                {
                    Mismatch(parameter, "the IProgress<ProgressNotificationValue> must come after the tool's parameters, before only the CancellationToken");
                }

                continue;
            }

            if (parameter.Role == ParameterRole.OtherProgress)
            {
                Mismatch(parameter, $"a progress receiver must be System.IProgress<ModelContextProtocol.ProgressNotificationValue> (the MCP SDK's type, not null), but this is '{parameter.FullType}'");
                continue;
            }

            if (BindParameter(method, tool, parameter, named, Mismatch, diagnostics) is { } binding)
            {
                bindings.Add(binding);
            }
        }

        foreach (var missing in tool.Parameters.Where(p => !p.IsOptionalInCSharp && !named.Contains(p.WireName)))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.MissingRequiredParameter,
                method.MethodLocation,
                method.MethodName,
                missing.WireName,
                tool.WireName,
                TypeNames.Simple(missing.Type),
                missing.ParameterName));
        }

        var returns = ReturnOf(method, tool, diagnostics);
        return diagnostics.Count > errorsBefore || returns is null
            ? null
            : new ToolMethodSpec(tool, method.MethodName, bindings.ToEquatableArray(), returns.Value.Return, cancellationTokenName, progressName, IsDeclared: true, returns.Value.Declared);

        void Mismatch(DeclaredParameter parameter, string problem) =>
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DeclaredParameterMismatch, parameter.Location, parameter.Name, method.MethodName, tool.WireName, problem));
    }

    private static ParameterBinding? BindParameter(
        DeclaredTool method,
        ToolSpec tool,
        DeclaredParameter parameter,
        HashSet<string> named,
        Action<DeclaredParameter, string> mismatch,
        List<DiagnosticInfo> diagnostics)
    {
        // A parameter may use the wire name itself or the camelCase name the generator would have chosen.
        var property = tool.Parameters.FirstOrDefault(p => p.WireName == parameter.Name)
            ?? tool.Parameters.FirstOrDefault(p => p.ParameterName.TrimStart('@') == parameter.Name);
        if (property is null)
        {
            var known = tool.Parameters.Count == 0 ? "it takes no arguments" : "its properties are " + string.Join(", ", tool.Parameters.Select(p => p.WireName));
            mismatch(parameter, $"the tool has no property named '{parameter.Name}'; {known}");
            return null;
        }

        // Recorded even if the parameter turns out not to fit, so the property is not also reported as missing.
        if (!named.Add(property.WireName))
        {
            mismatch(parameter, $"another parameter already sends '{property.WireName}'");
            return null;
        }

        var expected = TypeNames.Simple(property.Type.WithNullable(false));
        var declaredNumber = DeclaredNumber(property.Type, parameter.Type);
        if (parameter.Type != expected && declaredNumber is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.DeclaredParameterType,
                parameter.TypeLocation,
                parameter.Name,
                method.MethodName,
                parameter.Type + (parameter.IsNullable ? "?" : ""),
                property.WireName,
                tool.WireName,
                expected));
            return null;
        }

        if (!property.IsOptionalInCSharp && parameter.DefaultValue is not null)
        {
            mismatch(parameter, $"'{property.WireName}' is required, so the parameter cannot have a default value");
            return null;
        }

        if (!property.IsNullableInCSharp && parameter.IsNullable)
        {
            mismatch(parameter, $"'{property.WireName}' is required and may not be null, so the parameter type cannot be nullable");
            return null;
        }

        // The property is sent as the declared number type, so an int goes out as 5, not 5.0.
        var sent = declaredNumber is null ? property : property with { Type = declaredNumber.OrNull(property.Type.IsNullable) };
        return new ParameterBinding(sent, Naming.EscapeKeyword(parameter.Name), parameter.IsNullable, parameter.DefaultValue);
    }

    /// <summary>
    /// The C# number type a declared parameter states for a JSON <c>number</c>, which says nothing about whole numbers
    /// or precision: the user knows what the values mean. <see langword="null"/> for any other property or type.
    /// </summary>
    private static TypeRef? DeclaredNumber(TypeRef property, string declared) =>
        property.Kind != TypeKind.Double ? null : declared switch
        {
            "int" => TypeRef.Int32,
            "long" => TypeRef.Int64,
            "decimal" => TypeRef.Decimal,
            "float" => TypeRef.Single,
            _ => null,
        };

    private static (ToolReturn Return, DeclaredReturnSpec? Declared)? ReturnOf(DeclaredTool method, ToolSpec tool, List<DiagnosticInfo> diagnostics)
    {
        var allowed = new List<(string Type, ToolReturn Return)>();
        if (tool.Result is not null)
        {
            allowed.Add(($"Task<{TypeNames.Simple(tool.Result)}>", ToolReturn.Typed));
        }

        allowed.Add(("Task<CallToolResult>", ToolReturn.CallToolResult));
        allowed.Add(("Task", ToolReturn.None));

        foreach (var (type, returns) in allowed)
        {
            if (method.ReturnType == type)
            {
                return (returns, null);
            }
        }

        if (method.Result is { } result)
        {
            return DeclaredReturnBinder.Bind(result, diagnostics);
        }

        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.DeclaredReturnType,
            method.ReturnTypeLocation,
            method.MethodName,
            method.ReturnType,
            tool.WireName,
            string.Join(", ", allowed.Select(a => a.Type).Concat(DeclaredReturnBinder.Allowed))));
        return null;
    }
}
