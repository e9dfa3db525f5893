namespace McpClientGen.DemoServer;

/// <summary>
/// Marks a tool method whose calls need an access token with <paramref name="scope"/>; every other tool needs only a
/// valid token. <see cref="ToolScopeChallenge"/> enforces it before the SDK sees the call.
/// </summary>
/// <param name="scope">The scope the token must carry.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class RequiredScopeAttribute(string scope) : Attribute
{
    public string Scope { get; } = scope;
}
