using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trace.Client.Canonical;
using Trace.Crypto;

namespace Trace.Client.Claims;

/// <summary>
/// A structured record as a node stores it: the body plus a random 32-byte "salt" (so a short record cannot be guessed
/// from its hash), in RFC 8785 canonical form, with the SHA-256 of those bytes as the claim's content hash.
/// </summary>
public sealed record SaltedRecord(string CanonicalJson, byte[] ContentHash)
{
    /// <summary>Adds a fresh salt to <paramref name="bodyJson"/> (a JSON object) and canonicalises it.</summary>
    /// <exception cref="ArgumentException">not a JSON object, a "salt" already present, or not canonicalisable.</exception>
    public static SaltedRecord Seal(string bodyJson) => Seal(bodyJson, RandomNumberGenerator.GetBytes(32));

    /// <summary>Seals with a given salt (32 bytes); for reproducing a record, never reuse a salt across records.</summary>
    public static SaltedRecord Seal(string bodyJson, ReadOnlySpan<byte> salt)
    {
        ArgumentNullException.ThrowIfNull(bodyJson);
        if (salt.Length != 32) throw new ArgumentException($"a salt is 32 bytes, got {salt.Length}", nameof(salt));
        JsonObject body;
        try
        {
            body = JsonNode.Parse(bodyJson) as JsonObject ?? throw new ArgumentException("a structured record is a JSON object", nameof(bodyJson));
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"a structured record is a JSON object: {ex.Message}", nameof(bodyJson), ex);
        }
        if (body.ContainsKey("salt")) throw new ArgumentException("the record already has a \"salt\"; the signer adds a fresh one", nameof(bodyJson));
        body["salt"] = Hex.Encode(salt);
        byte[] canonical;
        try
        {
            canonical = JsonCanonicalizer.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(body));
        }
        catch (CanonicalJsonException ex)
        {
            throw new ArgumentException($"the record cannot be canonicalised (RFC 8785): {ex.Message}", nameof(bodyJson), ex);
        }
        return new SaltedRecord(System.Text.Encoding.UTF8.GetString(canonical), Sha256Hash.Hash(canonical));
    }
}
