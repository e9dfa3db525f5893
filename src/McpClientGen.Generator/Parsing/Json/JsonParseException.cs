using System;

namespace McpClientGen.Generator.Parsing.Json;

/// <summary>Malformed JSON at a character offset. Caught by the snapshot parser and turned into a diagnostic.</summary>
internal sealed class JsonParseException(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}
