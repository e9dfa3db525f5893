namespace McpClientGen;

/// <summary>
/// A root the client gives a server that asks for its roots: a place (usually a <c>file://</c> URI) the server may work
/// in. The runtime's own type, so the options stay clear of the SDK's, which is marked obsolete for the 2026-07-28
/// revision's removal of the legacy <c>roots/list</c> request (the MRTR input request remains).
/// </summary>
/// <param name="Uri">The root's URI, such as <c>file:///srv/reports</c>.</param>
/// <param name="Name">A name for it, shown to the server; optional.</param>
public sealed record McpRoot(string Uri, string? Name = null);
