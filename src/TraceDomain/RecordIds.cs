namespace Trace.Domain;

/// <summary>Record ids are claim digests written "0x" + 64 lower-case hex digits; this normalises and checks them.</summary>
public static class RecordIds
{
    /// <exception cref="InvalidFieldException">not 32 bytes of hex.</exception>
    public static string Normalise(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new InvalidFieldException(field, "the record id is missing");
        if (!DomainHex.TryDecode(text.Trim(), out var bytes) || bytes.Length != 32)
            throw new InvalidFieldException(field, "must be a record id: 0x + 64 hex digits");
        return DomainHex.Encode(bytes);
    }

    /// <summary>The record id of a 32-byte claim digest.</summary>
    public static string FromDigest(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != 32) throw new ArgumentException($"a claim digest is 32 bytes, got {digest.Length}", nameof(digest));
        return DomainHex.Encode(digest);
    }
}
