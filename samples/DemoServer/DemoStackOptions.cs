namespace McpClientGen.DemoServer;

/// <summary>Settings for <see cref="DemoStack.StartAsync"/>.</summary>
public sealed class DemoStackOptions
{
    /// <summary>How long issued access tokens stay valid. Defaults to one hour.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Configures logging of both hosts, starting from no providers at all. When <see langword="null"/>, only
    /// warnings and errors are written to the console, so test output stays quiet.
    /// </summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}
