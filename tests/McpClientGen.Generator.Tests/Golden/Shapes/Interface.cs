using McpClientGen;

namespace Contoso.Shapes;

[McpClient("shapes")]
internal partial interface IShapesClient;
