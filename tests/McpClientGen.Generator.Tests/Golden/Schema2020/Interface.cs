using McpClientGen;

namespace Contoso.Schemas;

[McpClient("schemas")]
public partial interface ISchemasClient;
