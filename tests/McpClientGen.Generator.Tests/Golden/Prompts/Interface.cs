using McpClientGen;

namespace Contoso.Writing;

[McpClient("writing")]
[ClientCredentials(Scopes = "writing.read")]
public partial interface IWritingClient;
