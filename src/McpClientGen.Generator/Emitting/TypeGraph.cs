using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>Which types a set of roots uses, following record members and list and map elements.</summary>
internal static class TypeGraph
{
    /// <summary>Every type reachable from <paramref name="roots"/>, without nullability, in a stable order.</summary>
    public static List<TypeRef> Reachable(IEnumerable<TypeRef> roots, SnapshotSpec snapshot)
    {
        var records = snapshot.Records.ToDictionary(r => r.Name);
        var seen = new HashSet<TypeRef>();
        var ordered = new List<TypeRef>();
        var pending = new Stack<TypeRef>(roots.Reverse());
        while (pending.Count > 0)
        {
            var type = pending.Pop().WithNullable(false);
            if (!seen.Add(type))
            {
                continue;
            }

            ordered.Add(type);
            if (type.Element is not null)
            {
                pending.Push(type.Element);
            }
            else if (type.Kind == TypeKind.Record && records.TryGetValue(type.Name!, out var record))
            {
                foreach (var property in record.Properties.Reverse())
                {
                    pending.Push(property.Type);
                }
            }
        }

        return ordered;
    }

    /// <summary>The records and enums among <paramref name="types"/>, in the snapshot's (alphabetical) order.</summary>
    public static (List<RecordSpec> Records, List<EnumSpec> Enums) Declarations(IEnumerable<TypeRef> types, SnapshotSpec snapshot)
    {
        var names = new HashSet<string>(types.Where(t => t.Kind is TypeKind.Record or TypeKind.Enum).Select(t => t.Name!));
        return (snapshot.Records.Where(r => names.Contains(r.Name)).ToList(), snapshot.Enums.Where(e => names.Contains(e.Name)).ToList());
    }
}
