using System.Runtime.InteropServices;
using McpClientGen.DemoServer;

await using var stack = await DemoStack.StartAsync(new DemoStackOptions
{
    ConfigureLogging = logging => logging
        .AddSimpleConsole()
        .SetMinimumLevel(LogLevel.Information)
        .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning),
});

Console.WriteLine($"MCP endpoint:   {stack.McpEndpoint}");
Console.WriteLine($"Issuer:         {stack.Issuer}");
Console.WriteLine($"Token endpoint: {stack.TokenEndpoint}");
Console.WriteLine($"Client id:      {stack.ClientId}");
Console.WriteLine($"Client secret:  {stack.ClientSecret}");
Console.WriteLine($"Post-only:      {stack.PostOnlyClientId} / {stack.PostOnlyClientSecret} (client_secret_post only)");
// The JWT clients' private keys exist only in this process; tests reach them through DemoStack.JwtClients.
Console.WriteLine($"JWT clients:    {string.Join(", ", stack.JwtClients.All.Select(client => client.ClientId))}");
// A platform token for trying the JWT-bearer grant (or demo-federated's client assertion) by hand; valid for an hour.
Console.WriteLine($"Workload token: {stack.Platform.IssueToken()}");
Console.WriteLine("Press Ctrl+C to stop.");

using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Stopping is the expected way out.
}
