using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace McpClientGen;

/// <summary>
/// Sends <c>client_credentials</c> token requests (RFC 6749 §4.4), or JWT-bearer ones (RFC 7523 §2.1), and turns the
/// responses (§5.1, §5.2) into an <see cref="AccessToken"/> or an <see cref="McpAuthenticationException"/> that says
/// what to change. A refusal is never retried with other credentials or another grant.
/// </summary>
internal sealed class TokenEndpointClient(Backchannel backchannel, McpConnectionOptions options, TimeProvider timeProvider)
{
    /// <summary>
    /// Requests a token with <paramref name="scopes"/> (space-separated; empty for none), presenting
    /// <paramref name="certificate"/> in the TLS handshake if the client has one (RFC 8705): the request then goes to the
    /// server's mTLS alias of the token endpoint, if it names one, and the token is bound to that certificate.
    /// </summary>
    public async Task<AccessToken> RequestTokenAsync(
        AuthorizationServerMetadata server,
        TokenClientAuthentication authentication,
        ClientCertificate? certificate,
        string scopes,
        Uri resource,
        CancellationToken cancellationToken)
    {
        var endpoint = server.TokenEndpointFor(certificate);
        using var activity = McpClientGenTelemetry.Source.StartActivity("oauth.token.request", System.Diagnostics.ActivityKind.Client);
        activity?.SetTag("oauth.token_endpoint", endpoint.AbsoluteUri);
        activity?.SetTag("oauth.client_authentication", authentication.Method);
        try
        {
            var token = await SendAndParseAsync(server, endpoint, authentication, certificate, scopes, resource, cancellationToken).ConfigureAwait(false);
            McpClientGenTelemetry.TokenRequests.Add(1, new KeyValuePair<string, object?>("outcome", "success"));
            activity?.SetTag("oauth.outcome", "success");
            return token;
        }
        catch (Exception exception) when (exception is McpAuthenticationException or McpConnectionException)
        {
            var error = (exception as McpAuthenticationException)?.Error;
            McpClientGenTelemetry.TokenRequests.Add(1, new KeyValuePair<string, object?>("outcome", error ?? "failed"));
            activity?.SetTag("oauth.outcome", error ?? "failed");
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error);
            throw;
        }
    }

    private async Task<AccessToken> SendAndParseAsync(
        AuthorizationServerMetadata server,
        Uri endpoint,
        TokenClientAuthentication authentication,
        ClientCertificate? certificate,
        string scopes,
        Uri resource,
        CancellationToken cancellationToken)
    {
        // The lifetime counts from before the request, so time spent in retries is not counted as the token's.
        var issuedAt = timeProvider.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await backchannel.SendAsync(() => CreateRequest(server, endpoint, authentication, certificate, scopes, resource), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            throw (Exception?)ConnectionFailures.ForBackchannel(exception, endpoint, "the token endpoint")
                ?? new McpAuthenticationException($"The token request to '{endpoint}' failed: {exception.Message}", exception);
        }
        catch (System.Security.Cryptography.CryptographicException exception)
        {
            throw new McpAuthenticationException(
                $"The client assertion for '{endpoint}' could not be signed: check PrivateKey and SigningAlgorithm.", exception);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? ParseSuccess(body, server, endpoint, issuedAt, scopes, certificate)
                : throw ParseError(body, response.StatusCode, endpoint, authentication);
        }
    }

    private HttpRequestMessage CreateRequest(
        AuthorizationServerMetadata server, Uri endpoint, TokenClientAuthentication authentication, ClientCertificate? certificate, string scopes, Uri resource)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", authentication.GrantType) };
        if (scopes.Length > 0)
        {
            form.Add(new("scope", scopes));
        }

        if (SendsResource(endpoint))
        {
            form.Add(new("resource", resource.AbsoluteUri));
        }

        form.AddRange(options.AdditionalTokenParameters);
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (certificate is not null)
        {
            ClientCertificateTransport.Stamp(request, certificate);
        }

        authentication.Apply(request, form, server);
        request.Content = new FormUrlEncodedContent(form);
        return request;
    }

    /// <summary>RFC 8707's <c>resource</c>, which the MCP spec requires, except where Microsoft Entra ID's v2 endpoint rejects it.</summary>
    private bool SendsResource(Uri tokenEndpoint) => options.ResourceIndicator switch
    {
        ResourceIndicatorMode.Always => true,
        ResourceIndicatorMode.Never => false,
        _ => !IsEntraV2(tokenEndpoint),
    };

    /// <summary>Microsoft Entra ID v2 token endpoints reject <c>resource</c> (AADSTS901002).</summary>
    internal static bool IsEntraV2(Uri tokenEndpoint) =>
        tokenEndpoint.Host is "login.microsoftonline.com" or "login.microsoftonline.us" or "login.partner.microsoftonline.cn"
        && tokenEndpoint.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.OrdinalIgnoreCase);

    private AccessToken ParseSuccess(
        byte[] body, AuthorizationServerMetadata server, Uri tokenEndpoint, DateTimeOffset issuedAt, string scopes, ClientCertificate? certificate)
    {
        using var document = JsonObjectDocument.TryParse(body)
            ?? throw new McpAuthenticationException($"The token endpoint '{tokenEndpoint}' answered with a body that is not a JSON object.");
        var root = document.RootElement;

        if (!root.TryGetProperty("access_token", out var tokenElement)
            || tokenElement.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(tokenElement.GetString()))
        {
            throw new McpAuthenticationException($"The token endpoint '{tokenEndpoint}' answered without an access_token.");
        }

        var tokenType = ReadString(root, "token_type");
        if (!string.Equals(tokenType, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new McpAuthenticationException(
                $"The token endpoint '{tokenEndpoint}' issued a token of type '{tokenType}'; only Bearer tokens are supported.");
        }

        var lifetime = options.DefaultTokenLifetime;
        if (root.TryGetProperty("expires_in", out var expiresIn))
        {
            // Some servers send the number as a string; both are accepted.
            if ((expiresIn.ValueKind == JsonValueKind.Number && expiresIn.TryGetInt64(out var seconds))
                || (expiresIn.ValueKind == JsonValueKind.String && long.TryParse(expiresIn.GetString(), out seconds)))
            {
                // Never longer than the server says (it rejects the token after that), and at least one second.
                lifetime = TimeSpan.FromSeconds(Math.Clamp(seconds, 1, (long)TimeSpan.FromDays(3650).TotalSeconds));
            }
        }

        var value = tokenElement.GetString()!;
        if (CertificateBinding.Read(value, root) is { } boundTo && boundTo != certificate?.Thumbprint)
        {
            // The server bound the token to a certificate this client did not present: it could never be used.
            throw new McpAuthenticationException(
                $"The token endpoint '{tokenEndpoint}' issued a token bound to the certificate with x5t#S256 '{boundTo}', " +
                (certificate is null ? "but the client presented none." : $"not to the client certificate presented ({certificate.Thumbprint})."));
        }

        return new AccessToken(value, issuedAt, issuedAt + lifetime, options.TokenExpirySkew, options.TokenRefreshRatio, scopes, server.Authority, certificate);
    }

    private McpAuthenticationException ParseError(byte[] body, HttpStatusCode status, Uri tokenEndpoint, TokenClientAuthentication authentication)
    {
        using var document = JsonObjectDocument.TryParse(body);
        var error = document is null ? null : ReadString(document.RootElement, "error") is { } code ? ServerText.Clean(code, authentication) : null;
        var description = document is null ? null : ReadString(document.RootElement, "error_description") is { } text ? ServerText.Clean(text, authentication) : null;

        var detail = error is null
            ? $"HTTP {(int)status} without an OAuth error body"
            : $"HTTP {(int)status}, error '{error}'{(description is null ? "" : $": {description}")}";
        // Servers disagree on the code for a bad assertion (invalid_client, invalid_grant, even invalid_token).
        var advice = (error, authentication) switch
        {
            ("invalid_scope", _) => " Check Scopes: the client may not be allowed one of them.",
            ("unauthorized_client", _) => $" The client (ClientId) is not allowed the {authentication.GrantType} grant; check its registration at the authorization server.",
            ("invalid_target", _) => " The server rejects the resource parameter; set ResourceIndicator to Never.",
            ("invalid_grant", TokenClientAuthentication.JwtBearerGrant grant) =>
                $" The server does not accept the platform token from {grant.Source}: it must trust the token's issuer and subject, and accept its audience (which the platform sets).",
            (not null, TokenClientAuthentication.PlatformAssertion assertion) =>
                $" Check the client's federated credential at the authorization server: it must match the issuer, subject and audience of the platform token from {assertion.Source}.",
            (not null, TokenClientAuthentication.MutualTls) =>
                " Check ClientId and that the server has the client certificate registered for it (or trusts its CA, for tls_client_auth).",
            (not null, TokenClientAuthentication.PrivateKeyJwt) => " Check ClientId, the key registered for the client, SigningAlgorithm and AssertionAudience.",
            ("invalid_client", _) => " Check ClientId and ClientSecret, and ClientAuthentication if the server expects another method.",
            _ => "",
        };
        return new McpAuthenticationException(
            $"The token endpoint '{tokenEndpoint}' refused client '{options.ClientLabel}' using {authentication.Method}{GrantNote(authentication)} ({detail}).{advice}",
            error,
            description)
        {
            StatusCode = status,
        };
    }

    /// <summary>Names the grant in messages when it is not the usual <c>client_credentials</c>.</summary>
    private static string GrantNote(TokenClientAuthentication authentication) =>
        authentication is TokenClientAuthentication.JwtBearerGrant ? $" and the grant {authentication.GrantType}" : "";

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
