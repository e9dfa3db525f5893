using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Web;

namespace McpClientGen.Testing;

/// <summary>
/// Every form in which a secret could reach a log, an exception or printed output, so a scan for leaks looks for all
/// of them and not only for the raw text: a client secret raw, percent- and form-encoded, inside the
/// <c>client_secret_basic</c> header (base64 of <c>id:secret</c>, form-encoded first as RFC 6749 §2.3.1 says, or not),
/// base64 and base64url, JSON-escaped, and any 12-character piece of it; access tokens, client assertions and platform
/// tokens (a workload's client assertion or JWT-bearer grant) whole, JSON-escaped and by their JWT segments; the base64
/// lines of a private key, a certificate's included in each encoding it exports to; passwords as secrets are; and
/// anything that starts like a JWT (<c>eyJ</c>, base64url of <c>{"</c>). A finding names the form and where it was seen,
/// never the secret.
/// </summary>
internal sealed class SecretForms
{
    /// <summary>Shorter pieces of a random secret could occur by chance; 12 characters of one cannot.</summary>
    private const int PieceLength = 12;

    private readonly List<(string Name, string Text)> _forms = [("something that starts like a JWT (eyJ)", "eyJ")];

    /// <summary>The forms searched for, by name; for a test that shows the scan recognises each.</summary>
    public IReadOnlyList<(string Name, string Text)> Forms => _forms;

    /// <summary>A client secret, with the client id it is sent with in the Basic header.</summary>
    public SecretForms AddClientSecret(string clientId, string secret)
    {
        AddSecret("client secret", secret);

        // The Basic credentials as RFC 6749 §2.3.1 builds them (form-encoded, then joined) and as many clients do (raw).
        foreach (var (encoding, id, encodedSecret) in new[]
        {
            ("raw", clientId, secret),
            ("form-encoded", WebUtility.UrlEncode(clientId), WebUtility.UrlEncode(secret)),
            ("percent-encoded", Uri.EscapeDataString(clientId), Uri.EscapeDataString(secret)),
        })
        {
            var pair = Encoding.UTF8.GetBytes($"{id}:{encodedSecret}");
            Add($"Basic credentials ({encoding} id:secret), base64", Unpadded(Convert.ToBase64String(pair)));
            Add($"Basic credentials ({encoding} id:secret), base64url", Base64Url(pair));
        }

        return this;
    }

    /// <summary>A secret such as a password: in every encoding, and any 12-character piece of it.</summary>
    public SecretForms AddSecret(string kind, string secret)
    {
        foreach (var (encoding, encoded) in Encodings(secret))
        {
            Add($"{kind}, {encoding}", encoded);
        }

        for (var start = 0; start + PieceLength <= secret.Length; start++)
        {
            Add($"{kind}, characters {start}–{start + PieceLength - 1}", secret.Substring(start, PieceLength));
        }

        return this;
    }

    /// <summary>
    /// A certificate's private key, by the base64 lines of its PEM as PKCS#8 and as PKCS#1 (RSA) or SEC1 (EC): each
    /// encoding a careless log line could print the key in.
    /// </summary>
    public SecretForms AddCertificatePrivateKey(X509Certificate2 certificate)
    {
        if (certificate.GetRSAPrivateKey() is { } rsa)
        {
            using (rsa)
            {
                return AddPrivateKey(rsa.ExportPkcs8PrivateKeyPem()).AddPrivateKey(rsa.ExportRSAPrivateKeyPem());
            }
        }

        using var ec = certificate.GetECDsaPrivateKey() ?? throw new ArgumentException("The certificate has no RSA or EC private key.", nameof(certificate));
        return AddPrivateKey(ec.ExportPkcs8PrivateKeyPem()).AddPrivateKey(ec.ExportECPrivateKeyPem());
    }

    /// <summary>An access token, a client assertion or a platform token: whole, JSON-escaped, and each JWT segment on its own.</summary>
    public SecretForms AddToken(string kind, string token)
    {
        Add(kind, token);
        Add($"{kind}, JSON-escaped", JsonEscaped(token, JavaScriptEncoder.Default));
        var segments = token.Split('.');
        if (segments.Length == 3)
        {
            Add($"{kind}, header segment", segments[0]);
            Add($"{kind}, payload segment", segments[1]);
            Add($"{kind}, signature segment", segments[2]);
        }

        return this;
    }

    /// <summary>Every base64 line of a PEM private key (any of them in a log would be a leak), or a JWK's private parts.</summary>
    public SecretForms AddPrivateKey(string key)
    {
        if (key.TrimStart().StartsWith('{'))
        {
            using var jwk = JsonDocument.Parse(key);
            foreach (var name in new[] { "d", "p", "q", "dp", "dq", "qi" })
            {
                if (jwk.RootElement.TryGetProperty(name, out var value))
                {
                    Add($"private JWK parameter '{name}'", value.GetString()!);
                }
            }

            return this;
        }

        foreach (var line in key.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith("-----", StringComparison.Ordinal))
            {
                Add("private key, a base64 line of its PEM", line);
            }
        }

        return this;
    }

    /// <summary>
    /// What the texts show of the secrets: one finding per form and text, as "<c>form</c> in <c>where</c>". Empty
    /// when nothing leaked.
    /// </summary>
    public IReadOnlyList<string> FindIn(IEnumerable<(string Where, string Text)> texts) =>
        [.. from text in texts
            from form in _forms
            where text.Text.Contains(form.Text, StringComparison.Ordinal)
            select $"{form.Name} in {text.Where}"];

    private void Add(string name, string text)
    {
        if (text.Length > 0 && !_forms.Any(form => form.Text == text))
        {
            _forms.Add((name, text));
        }
    }

    private static IEnumerable<(string Encoding, string Text)> Encodings(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        yield return ("raw", secret);
        yield return ("percent-encoded (RFC 3986)", Uri.EscapeDataString(secret));
        yield return ("form-encoded", WebUtility.UrlEncode(secret));
        yield return ("form-encoded, lower-case hex", HttpUtility.UrlEncode(secret));
        yield return ("form-encoded as FormUrlEncodedContent sends it", Uri.EscapeDataString(secret).Replace("%20", "+", StringComparison.Ordinal));
        yield return ("base64", Unpadded(Convert.ToBase64String(bytes)));
        yield return ("base64url", Base64Url(bytes));
        yield return ("JSON-escaped", JsonEscaped(secret, JavaScriptEncoder.Default));
        yield return ("JSON-escaped, relaxed", JsonEscaped(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping));
    }

    /// <summary>Without padding, so that it is found whether or not the writer padded it.</summary>
    private static string Unpadded(string base64) => base64.TrimEnd('=');

    private static string Base64Url(byte[] bytes) =>
        Unpadded(Convert.ToBase64String(bytes)).Replace('+', '-').Replace('/', '_');

    private static string JsonEscaped(string text, JavaScriptEncoder encoder)
    {
        var quoted = JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = encoder });
        return quoted[1..^1];
    }
}
