namespace McpClientGen.Fleet;

/// <summary>
/// The typed client every worker of the fleet calls the demo server with: the generator reads the one tool it uses,
/// <c>get_weather</c>, from <c>schemas/demo.mcp.json</c> and adds the <c>FleetClient</c> class that implements it.
/// </summary>
[McpClient("demo", Include = ["get_weather"])]
[ClientCredentials(Scopes = "demo.read")]
public partial interface IFleetClient;
