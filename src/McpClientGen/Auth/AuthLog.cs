using Microsoft.Extensions.Logging;

namespace McpClientGen;

/// <summary>
/// Every log line of the auth engine. Messages carry URLs, client ids, scopes and times, never secrets, keys,
/// assertions or tokens.
/// </summary>
internal static partial class AuthLog
{
    [LoggerMessage(100, LogLevel.Debug, "Discovering the authorization server of {Resource}.")]
    public static partial void Discovering(ILogger logger, Uri resource);

    [LoggerMessage(101, LogLevel.Debug, "Protected-resource metadata found at {Location}; authorization server {Issuer}.")]
    public static partial void ResourceMetadataFound(ILogger logger, Uri location, Uri issuer);

    [LoggerMessage(102, LogLevel.Debug, "No protected-resource metadata at the well-known URLs of {Resource}; waiting for the server's challenge to name it.")]
    public static partial void ResourceMetadataNotFound(ILogger logger, Uri resource);

    [LoggerMessage(103, LogLevel.Debug, "Token endpoint {TokenEndpoint}.")]
    public static partial void TokenEndpointChosen(ILogger logger, Uri tokenEndpoint);

    [LoggerMessage(104, LogLevel.Information, "New credentials for client {ClientId} take effect with the next token request.")]
    public static partial void CredentialsUpdated(ILogger logger, string clientId);

    [LoggerMessage(105, LogLevel.Information, "The credential files of client {ClientId} changed ({Files}); token requests use their new content from now on.")]
    public static partial void CredentialFilesChanged(ILogger logger, string clientId, string files);

    [LoggerMessage(110, LogLevel.Debug, "Requesting an access token for client {ClientId} with scopes '{Scopes}' from {TokenEndpoint} ({Method}).")]
    public static partial void RequestingToken(ILogger logger, string clientId, string scopes, Uri tokenEndpoint, string method);

    [LoggerMessage(111, LogLevel.Information, "Access token for client {ClientId} received; it expires at {ExpiresAt:O} and is refreshed from {RefreshAt:O}.")]
    public static partial void TokenReceived(ILogger logger, string clientId, DateTimeOffset expiresAt, DateTimeOffset refreshAt);

    [LoggerMessage(112, LogLevel.Warning, "The token request for client {ClientId} failed: {Reason}")]
    public static partial void TokenRequestFailed(ILogger logger, string clientId, string reason);

    [LoggerMessage(113, LogLevel.Debug, "Refreshing the access token of client {ClientId} ahead of its expiry.")]
    public static partial void RefreshingAhead(ILogger logger, string clientId);

    [LoggerMessage(114, LogLevel.Warning, "Retrying a token or discovery request (attempt {Attempt}) after {Outcome}, in {Delay}.")]
    public static partial void RetryingBackchannelRequest(ILogger logger, int attempt, string outcome, TimeSpan delay);

    [LoggerMessage(115, LogLevel.Debug, "Access token for client {ClientId} taken from the shared token cache.")]
    public static partial void SharedTokenTaken(ILogger logger, string clientId);

    [LoggerMessage(116, LogLevel.Information, "The token endpoint {TokenEndpoint} refused client {ClientId} with {RefusedMethod} (invalid_client) and accepted {AcceptedMethod}, which the client uses from now on.")]
    public static partial void SecretMethodFallback(ILogger logger, Uri tokenEndpoint, string clientId, string refusedMethod, string acceptedMethod);

    [LoggerMessage(120, LogLevel.Information, "The MCP server rejected the access token (401); requesting a new one and resending once.")]
    public static partial void TokenRejected(ILogger logger);

    [LoggerMessage(121, LogLevel.Information, "The MCP server wants more scopes (403 insufficient_scope: '{Scopes}'); requesting a token with '{Requested}'.")]
    public static partial void SteppingUp(ILogger logger, string scopes, string requested);

    [LoggerMessage(130, LogLevel.Information, "Client {ClientId} trusts the authorization server {Issuer}, the first one discovered, for the life of this connection; its credentials go to no other.")]
    public static partial void AuthorizationServerPinned(ILogger logger, string clientId, Uri issuer);

    [LoggerMessage(131, LogLevel.Warning, "After a 401, the protected-resource metadata at {Location} could not be read again ({Reason}); keeping the authorization server {Issuer}.")]
    public static partial void ResourceMetadataRecheckFailed(ILogger logger, Uri location, string reason, Uri issuer);

    [LoggerMessage(132, LogLevel.Warning, "The shared token store failed ({Operation}: {Failure}); tokens are requested per process until it answers again, tried again every {RetryAfter}.")]
    public static partial void SharedStoreUnavailable(ILogger logger, string operation, string failure, TimeSpan retryAfter);

    [LoggerMessage(133, LogLevel.Information, "The shared token store answers again; tokens are shared across processes again.")]
    public static partial void SharedStoreRecovered(ILogger logger);

    [LoggerMessage(134, LogLevel.Information, "No token for client {ClientId} arrived from the processes holding the shared lease within {Timeout}; requesting one.")]
    public static partial void SharedLeaseWaitTimedOut(ILogger logger, string clientId, TimeSpan timeout);
}
