using System;
using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Common;
using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Binding;

/// <summary>
/// Keeps the types generated inside an interface from hiding the user's own types that its members name: a record
/// or enum whose name the user's signature uses (<c>Task&lt;Location&gt;</c> for <c>MyApp.Location</c>) is numbered
/// for that interface (<c>Location2</c>). Snapshots are named once for every interface, so this is done per client.
/// </summary>
internal static class UserTypeNames
{
    public static SnapshotSpec Avoid(SnapshotSpec snapshot, EquatableArray<string> userTypeNames, IEnumerable<string> memberNames)
    {
        var generated = snapshot.Records.Select(record => record.Name).Concat(snapshot.Enums.Select(type => type.Name)).ToList();
        var userTypes = new HashSet<string>(userTypeNames, StringComparer.Ordinal);
        var hiding = generated.Where(userTypes.Contains).ToList();
        if (hiding.Count == 0)
        {
            return snapshot;
        }

        var used = new HashSet<string>(generated.Concat(userTypes).Concat(memberNames).Concat(snapshot.Tools.Select(tool => tool.MethodName)).Concat(snapshot.Prompts.Select(prompt => prompt.MethodName))
            .Concat(snapshot.Resources.Select(resource => resource.MethodName)), StringComparer.Ordinal);
        var renamed = hiding.ToDictionary(name => name, name => UniqueNames.Reserve(used, name), StringComparer.Ordinal);
        return snapshot with
        {
            Tools = snapshot.Tools
                .Select(tool => tool with
                {
                    Parameters = Properties(tool.Parameters),
                    ArgumentsRecord = tool.ArgumentsRecord is null ? null : Name(tool.ArgumentsRecord),
                    Result = tool.Result is null ? null : Type(tool.Result),
                })
                .ToEquatableArray(),
            Records = snapshot.Records.Select(record => record with { Name = Name(record.Name), Properties = Properties(record.Properties) }).ToEquatableArray(),
            Enums = snapshot.Enums.Select(type => type with { Name = Name(type.Name) }).ToEquatableArray(),
        };

        string Name(string name) => renamed.TryGetValue(name, out var newName) ? newName : name;

        TypeRef Type(TypeRef type) => type with
        {
            Name = type.Name is null ? null : Name(type.Name),
            Element = type.Element is null ? null : Type(type.Element),
        };

        EquatableArray<PropertySpec> Properties(EquatableArray<PropertySpec> properties) =>
            properties.Select(property => property with { Type = Type(property.Type) }).ToEquatableArray();
    }
}
