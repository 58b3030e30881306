using System.Text;

namespace Trace.Domain.Assurance;

/// <summary>
/// The directory form of a participant id (bytes32 on chain): "lei:&lt;LEI&gt;" or "gln:&lt;GLN&gt;" when the bytes are that
/// ASCII text right-padded with zeros, else "0x" + 64 hex digits (ids registered outside Trace).
/// </summary>
public static class ParticipantIdFormat
{
    /// <summary>The directory form of <paramref name="id"/> (32 bytes), the one every Trace surface shows.</summary>
    public static string Format(ReadOnlySpan<byte> id)
    {
        if (id.Length != 32) throw new ArgumentException("a participant id is 32 bytes", nameof(id));
        return Readable(id) ?? DomainHex.Encode(id);
    }

    /// <summary>
    /// The text when the bytes are "lei:" + a 20-character LEI (A-Z, 0-9) or "gln:" + a 13-digit GLN, zero padded;
    /// else null (the id is shown in hex).
    /// </summary>
    public static string? Readable(ReadOnlySpan<byte> id)
    {
        var end = id.IndexOf((byte)0);
        if (end < 0) end = id.Length;
        if (id[end..].ContainsAnyExcept((byte)0)) return null;
        var text = id[..end];
        if (text.StartsWith("lei:"u8) && text.Length == 24 && AllIn(text[4..], upperOrDigit: true)) return Encoding.ASCII.GetString(text);
        if (text.StartsWith("gln:"u8) && text.Length == 17 && AllIn(text[4..], upperOrDigit: false)) return Encoding.ASCII.GetString(text);
        return null;
    }

    private static bool AllIn(ReadOnlySpan<byte> text, bool upperOrDigit)
    {
        foreach (var b in text)
            if (!(char.IsAsciiDigit((char)b) || (upperOrDigit && char.IsAsciiLetterUpper((char)b)))) return false;
        return true;
    }
}
