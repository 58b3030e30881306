using System.Security.Cryptography;
using System.Text.Json;
using Trace.Client.Canonical;

namespace Trace.Client.Verification;

/// <summary>
/// The hash a copy of a record's content is checked with. A document is hashed as it is; a structured record (JSON) is
/// hashed in its RFC 8785 canonical form, as it was signed, so a pretty-printed or re-ordered copy still matches.
/// </summary>
public static class ContentHash
{
    /// <summary>How a copy was hashed.</summary>
    public enum Form
    {
        /// <summary>SHA-256 of the bytes as given.</summary>
        Bytes,

        /// <summary>SHA-256 of the RFC 8785 canonical form of the JSON given.</summary>
        CanonicalJson,
    }

    /// <summary>
    /// The SHA-256 of <paramref name="content"/> that matches <paramref name="claimed"/> when one does: the bytes as
    /// given, else (JSON content) its canonical form. With no match, the canonical hash of JSON content, else the raw hash.
    /// </summary>
    public static (byte[] Hash, Form Form) Matching(byte[] content, ReadOnlySpan<byte> claimed)
    {
        ArgumentNullException.ThrowIfNull(content);
        var raw = SHA256.HashData(content);
        if (raw.AsSpan().SequenceEqual(claimed)) return (raw, Form.Bytes);
        return Canonical(content) is { } canonical ? (SHA256.HashData(canonical), Form.CanonicalJson) : (raw, Form.Bytes);
    }

    /// <summary>The RFC 8785 canonical bytes of <paramref name="content"/> when it is a JSON object or array; null otherwise.</summary>
    public static byte[]? Canonical(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = content.AsSpan().TrimStart("\xEF\xBB\xBF"u8).TrimStart(" \t\r\n"u8);
        if (text.IsEmpty || (text[0] != (byte)'{' && text[0] != (byte)'[')) return null;
        try
        {
            return JsonCanonicalizer.Canonicalize(text.ToArray());
        }
        catch (Exception ex) when (ex is JsonException or CanonicalJsonException)
        {
            return null;
        }
    }
}
