using McpClientGen.Fleet;

// `dotnet run --project samples/Fleet [--workers N] [--seconds S]`: starts the demo authorization server and MCP
// server, an embedded Garnet, and N worker processes of this same program that call the MCP server through a generated
// client sharing one token through Garnet; prints what each did and how many tokens the authorization server issued.
// `worker ...` (given by the coordinator, not by hand): runs as one of those workers.
var arguments = new ProgramArguments(args);
if (args is [WorkerLoad.WorkerArgument, ..])
{
    return await FleetWorker.RunAsync(WorkerLoad.Parse(arguments));
}

return await FleetDemo.RunAsync(
    workers: arguments.Int32("--workers") ?? 4,
    duration: TimeSpan.FromSeconds(arguments.Double("--seconds") ?? 10));
