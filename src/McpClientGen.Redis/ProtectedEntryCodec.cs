using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace McpClientGen.Redis;

/// <summary>
/// Turns a <see cref="SharedTokenEntry"/> into the bytes stored in Redis and back. The stored value is the entry's
/// <see cref="SharedTokenEntry.ValueHash"/> (a one-way digest, so compare-and-delete needs no key), a dot, and the
/// entry as JSON protected by Data Protection (purpose <see cref="Purpose"/>): whoever reads Redis sees no token.
/// The JSON names the key it was written for, so an entry copied under another key is refused rather than handed to
/// a client it was not issued to.
/// </summary>
internal sealed class ProtectedEntryCodec(IDataProtectionProvider dataProtection)
{
    /// <summary>The Data Protection purpose of stored entries; a new layout gets a new version.</summary>
    public const string Purpose = "McpClientGen.SharedToken.v1";

    private const byte Separator = (byte)'.';

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    /// <summary>What a stored value starts with when it holds the token whose digest is <paramref name="valueHash"/>.</summary>
    public static byte[] PrefixOf(string valueHash) => [.. Encoding.ASCII.GetBytes(valueHash), Separator];

    public byte[] Encode(SharedTokenKey key, SharedTokenEntry entry)
    {
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("key", key.Id);
            writer.WriteString("value", entry.Value);
            writer.WriteString("authority", entry.Authority);
            writer.WriteString("issuedAt", entry.IssuedAt);
            writer.WriteString("expiresAt", entry.ExpiresAt);
            writer.WriteString("scopes", entry.RequestedScopes);
            if (entry.CertificateThumbprint is { } thumbprint)
            {
                writer.WriteString("certificate", thumbprint);
            }

            writer.WriteEndObject();
        }

        // The plain JSON holds the token: zeroed once protected (ArrayBufferWriter.Clear zeroes what was written).
        var plain = json.WrittenSpan.ToArray();
        try
        {
            return [.. PrefixOf(entry.ValueHash), .. _protector.Protect(plain)];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
            json.Clear();
        }
    }

    /// <summary>The entry in <paramref name="stored"/>, or <see langword="null"/> when it is not one this codec wrote for <paramref name="key"/>.</summary>
    /// <exception cref="CryptographicException">The protected part cannot be decrypted with the keys this process has.</exception>
    public SharedTokenEntry? Decode(SharedTokenKey key, ReadOnlySpan<byte> stored)
    {
        var dot = stored.IndexOf(Separator);
        if (dot <= 0)
        {
            return null;
        }

        var plain = _protector.Unprotect(stored[(dot + 1)..].ToArray());
        try
        {
            var entry = Parse(key, plain);
            return entry is not null && stored[..dot].SequenceEqual(Encoding.ASCII.GetBytes(entry.ValueHash)) ? entry : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private static SharedTokenEntry? Parse(SharedTokenKey key, byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.GetProperty("key").GetString() != key.Id)
            {
                return null;
            }

            return new SharedTokenEntry(
                root.GetProperty("value").GetString()!,
                root.GetProperty("authority").GetString()!,
                root.GetProperty("issuedAt").GetDateTimeOffset(),
                root.GetProperty("expiresAt").GetDateTimeOffset(),
                root.GetProperty("scopes").GetString()!,
                root.TryGetProperty("certificate", out var certificate) ? certificate.GetString() : null);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentNullException)
        {
            return null;
        }
    }
}
