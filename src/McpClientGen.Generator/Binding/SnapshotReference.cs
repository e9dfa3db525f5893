using System;

namespace McpClientGen.Generator.Binding;

/// <summary>
/// The snapshot an <c>[McpClient]</c> argument names. It is a name (<c>"crm"</c>), but a file name or path
/// (<c>"crm.mcp.json"</c>, <c>"schemas/crm.mcp.json"</c>, <c>"schemas/crm"</c>) is an easy slip with one obvious meaning: it is read as
/// that snapshot's name, and binding says so with an info.
/// </summary>
internal readonly record struct SnapshotReference(string Name, bool WasFileName)
{
    public static SnapshotReference Parse(string written)
    {
        var name = written.Substring(written.LastIndexOfAny(['/', '\\']) + 1);
        var suffix = Parsing.SnapshotParser.FileSuffix;
        if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            name = name.Substring(0, name.Length - suffix.Length);
        }

        return name.Length == 0 ? new SnapshotReference(written, WasFileName: false) : new SnapshotReference(name, name != written);
    }
}
