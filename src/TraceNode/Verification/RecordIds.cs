using Trace.Crypto;
using Trace.Node.Evidence;

namespace Trace.Node.Verification;

/// <summary>Record ids are claim digests written "0x" + 64 lower-case hex digits; this normalises and checks them.</summary>
public static class RecordIds
{
    /// <exception cref="InvalidFieldException">not 32 bytes of hex.</exception>
    public static string Normalise(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new InvalidFieldException(field, "the record id is missing");
        var digits = Hex.StripPrefix(text.Trim());
        if (digits.Length != 64 || !Hex.TryDecode(digits, out var bytes))
            throw new InvalidFieldException(field, "must be a record id: 0x + 64 hex digits");
        return Hex.Encode(bytes);
    }
}
