using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace McpClientGen;

/// <summary>
/// Sends a <c>client_credentials</c> token request (RFC 6749 §4.4) authenticated with
/// <c>client_secret_basic</c>, and turns the response into an <see cref="AccessToken"/> or a typed error.
/// </summary>
internal sealed class TokenEndpointClient(HttpClient backchannel, TimeProvider timeProvider, TimeSpan defaultLifetime)
{
    /// <summary>Requests a token.</summary>
    public async Task<AccessToken> RequestTokenAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (!string.IsNullOrWhiteSpace(request.Scopes))
        {
            form.Add(new("scope", request.Scopes));
        }

        form.Add(new("resource", request.Resource.AbsoluteUri));

        using var message = new HttpRequestMessage(HttpMethod.Post, request.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(form),
        };
        message.Headers.Authorization = BasicAuthentication(request.Credentials);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await backchannel.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new McpAuthenticationException(
                $"The token request to '{request.TokenEndpoint}' failed: {exception.Message}", exception);
        }

        using (response)
        {
            var issuedAt = timeProvider.GetUtcNow();
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? ParseSuccess(body, request.TokenEndpoint, issuedAt)
                : throw ParseError(body, response.StatusCode, request);
        }
    }

    /// <summary>RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded.</summary>
    private static AuthenticationHeaderValue BasicAuthentication(ClientCredentials credentials)
    {
        var pair = WebUtility.UrlEncode(credentials.ClientId) + ":" + WebUtility.UrlEncode(credentials.ClientSecret);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
    }

    private AccessToken ParseSuccess(byte[] body, Uri tokenEndpoint, DateTimeOffset issuedAt)
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

        if (!root.TryGetProperty("token_type", out var typeElement)
            || typeElement.ValueKind != JsonValueKind.String
            || !string.Equals(typeElement.GetString(), "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new McpAuthenticationException(
                $"The token endpoint '{tokenEndpoint}' issued a token of type '{(typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null)}'; only Bearer tokens are supported.");
        }

        var lifetime = defaultLifetime;
        if (root.TryGetProperty("expires_in", out var expiresIn))
        {
            // Some servers send the number as a string; both are accepted.
            if ((expiresIn.ValueKind == JsonValueKind.Number && expiresIn.TryGetInt64(out var seconds))
                || (expiresIn.ValueKind == JsonValueKind.String && long.TryParse(expiresIn.GetString(), out seconds)))
            {
                lifetime = TimeSpan.FromSeconds(Math.Max(0, seconds));
            }
        }

        return new AccessToken(tokenElement.GetString()!, issuedAt, issuedAt + lifetime);
    }

    private static McpAuthenticationException ParseError(byte[] body, HttpStatusCode status, TokenRequest request)
    {
        using var document = JsonObjectDocument.TryParse(body);
        string? error = null;
        string? description = null;
        if (document is not null)
        {
            error = ReadString(document.RootElement, "error");
            description = ReadString(document.RootElement, "error_description");
        }

        var detail = error is null
            ? $"HTTP {(int)status} without an OAuth error body"
            : $"HTTP {(int)status}, error '{error}'{(description is null ? "" : $": {description}")}";
        var advice = error switch
        {
            "invalid_client" => " Check ClientId and ClientSecret.",
            "invalid_scope" => " Check Scopes.",
            "unauthorized_client" => " The client is not allowed the client_credentials grant; check its registration.",
            _ => "",
        };
        return new McpAuthenticationException(
            $"The token endpoint '{request.TokenEndpoint}' refused client '{request.Credentials.ClientId}' ({detail}).{advice}",
            error,
            description);
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
