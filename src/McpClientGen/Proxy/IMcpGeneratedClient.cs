using System.ComponentModel;

namespace McpClientGen;

/// <summary>
/// Implemented by every generated client, so dependency injection can create one without reflection
/// (see <c>AddMcpClient</c>).
/// </summary>
/// <typeparam name="TSelf">The generated client class.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IMcpGeneratedClient<TSelf>
    where TSelf : McpClientProxy, IMcpGeneratedClient<TSelf>
{
    /// <summary>The scopes from <see cref="ClientCredentialsAttribute"/>, used when the options name none.</summary>
    static abstract string? DefaultScopes { get; }

    /// <summary>Creates the client over a connection that the caller owns.</summary>
    static abstract TSelf Create(McpConnection connection);
}
