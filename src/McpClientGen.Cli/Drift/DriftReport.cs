namespace McpClientGen.Cli.Drift;

/// <summary>
/// Writes a <see cref="SnapshotDrift"/> for people reading a CI log: for each kind that drifted (tools, prompts,
/// resources, resource templates) the entries added and removed, and for each changed entry which parts changed, with a
/// line diff of each part (snapshot <c>-</c>, server <c>+</c>) around the changes.
/// </summary>
internal static class DriftReport
{
    /// <summary>Unchanged lines shown around each change, enough to see which property a changed line belongs to.</summary>
    private const int ContextLines = 3;

    /// <summary>Lines shown of a part that only one side has, such as a new output schema.</summary>
    private const int WholePartLines = 12;

    private const string Indent = "      ";

    public static void Write(TextWriter output, SnapshotDrift drift, string snapshotPath, string server)
    {
        var summary = drift.Kinds.Select(kind => $"{kind.Kind.Plural} {kind.Added.Count} added, {kind.Removed.Count} removed, {kind.Changed.Count} changed");
        output.WriteLine($"{snapshotPath} differs from {server}: {string.Join("; ", summary)}.");
        foreach (var kind in drift.Kinds)
        {
            Write(output, kind);
        }
    }

    private static void Write(TextWriter output, KindDrift drift)
    {
        var title = char.ToUpperInvariant(drift.Kind.Plural[0]) + drift.Kind.Plural[1..];
        if (drift.Added.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"{title} added (on the server, not in the snapshot):");
            foreach (var key in drift.Added)
            {
                output.WriteLine($"  + {key}");
            }
        }

        if (drift.Removed.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"{title} removed (in the snapshot, no longer on the server):");
            foreach (var key in drift.Removed)
            {
                output.WriteLine($"  - {key}");
            }
        }

        if (drift.Changed.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"{title} changed (- snapshot, + server):");
            foreach (var change in drift.Changed)
            {
                output.WriteLine($"  ~ {change.Key}: {string.Join(", ", change.Parts.Select(part => part.Part))}");
                foreach (var part in change.Parts)
                {
                    WritePart(output, part);
                }
            }
        }
    }

    private static void WritePart(TextWriter output, PartChange part)
    {
        var presence = (part.Before, part.After) switch
        {
            (null, _) => " (new on the server)",
            (_, null) => " (gone from the server)",
            _ => "",
        };
        output.WriteLine($"    {part.Part}{presence}:");

        var lines = LineDiff.Compute(Lines(part.Before), Lines(part.After));
        if (part.Before is null || part.After is null)
        {
            WriteWholePart(output, lines);
            return;
        }

        var shown = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind != DiffLineKind.Unchanged)
            {
                for (var k = Math.Max(0, i - ContextLines); k <= Math.Min(lines.Count - 1, i + ContextLines); k++)
                {
                    shown[k] = true;
                }
            }
        }

        // A hidden run of one line is shown instead: "..." in its place would save nothing.
        for (var i = 0; i < lines.Count; i++)
        {
            shown[i] |= (i == 0 || shown[i - 1]) && (i == lines.Count - 1 || shown[i + 1]);
        }

        var skipping = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!shown[i])
            {
                skipping = true;
                continue;
            }

            if (skipping)
            {
                output.WriteLine($"{Indent}  ...");
                skipping = false;
            }

            WriteLine(output, lines[i]);
        }

        if (skipping)
        {
            output.WriteLine($"{Indent}  ...");
        }
    }

    /// <summary>A part only one side has: its beginning says what it is, the whole of it is in the snapshot file.</summary>
    private static void WriteWholePart(TextWriter output, IReadOnlyList<DiffLine> lines)
    {
        foreach (var line in lines.Take(WholePartLines))
        {
            WriteLine(output, line);
        }

        if (lines.Count > WholePartLines)
        {
            output.WriteLine($"{Indent}  ... ({lines.Count - WholePartLines} more lines)");
        }
    }

    private static void WriteLine(TextWriter output, DiffLine line)
    {
        var marker = line.Kind switch
        {
            DiffLineKind.Removed => '-',
            DiffLineKind.Added => '+',
            _ => ' ',
        };
        // An empty line gets no trailing blanks; other lines keep theirs, which may be the change.
        output.WriteLine(line.Text.Length == 0 ? $"{Indent}{marker}".TrimEnd() : $"{Indent}{marker} {line.Text}");
    }

    private static string[] Lines(string? text) => text is null ? [] : text.Split('\n');
}
