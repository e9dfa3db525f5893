using McpClientGen;

namespace Contoso.Library;

[McpClient("library")]
[ClientCredentials(Scopes = "library.read")]
public partial interface ILibraryClient;
