namespace McpClientGen.Fleet;

/// <summary>How to start this program as a worker: the executable, and the arguments before the worker's own.</summary>
/// <param name="FileName">The executable: the program's own launcher, or the <c>dotnet</c> host.</param>
/// <param name="Arguments">What precedes the worker's arguments: the program's assembly when run by the host.</param>
public sealed record WorkerLaunch(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Workers of the program running now, started the way it was: by its launcher, or by the host with its assembly.</summary>
    public static WorkerLaunch ThisProgram()
    {
        var executable = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        return IsDotnetHost(executable) ? Dotnet(executable, typeof(WorkerLaunch).Assembly.Location) : new WorkerLaunch(executable, []);
    }

    /// <summary>Workers run by the <c>dotnet</c> host <paramref name="host"/> from the built <paramref name="fleetAssembly"/>.</summary>
    /// <param name="host">The path of the <c>dotnet</c> executable.</param>
    /// <param name="fleetAssembly">The path of <c>Fleet.dll</c>.</param>
    public static WorkerLaunch Dotnet(string host, string fleetAssembly) => new(host, [fleetAssembly]);

    private static bool IsDotnetHost(string executable) =>
        Path.GetFileNameWithoutExtension(executable).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
}
