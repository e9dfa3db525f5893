using System.Globalization;

namespace McpClientGen.Fleet;

/// <summary>The program's <c>--name value</c> arguments; numbers in the invariant culture.</summary>
internal sealed class ProgramArguments(IReadOnlyList<string> arguments)
{
    public int? Int32(string name) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    public double? Double(string name) => Value(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;

    private string? Value(string name)
    {
        var index = arguments.ToList().IndexOf(name);
        if (index < 0)
        {
            return null;
        }

        return index + 1 < arguments.Count ? arguments[index + 1] : throw new ArgumentException($"{name} needs a value.");
    }
}
