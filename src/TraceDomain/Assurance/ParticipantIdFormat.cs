using System.Text;

namespace Trace.Domain.Assurance;

/// <summary>
/// The directory form of a participant id (bytes32 on chain): "lei:&lt;LEI&gt;" or "gln:&lt;GLN&gt;" when the bytes are that
/// ASCII text right-padded with zeros, else "0x" + 64 hex digits (ids registered outside Trace).
/// </summary>
public static class ParticipantIdFormat
{
    /// <summary>The directory form of <paramref name="id"/> (32 bytes).</summary>
    public static string Format(ReadOnlySpan<byte> id)
    {
        if (id.Length != 32) throw new ArgumentException("a participant id is 32 bytes", nameof(id));
        var end = id.IndexOf((byte)0);
        if (end < 0) end = 32;
        var text = id[..end];
        var readable = end >= 5 && !id[end..].ContainsAnyExcept((byte)0)
            && (text.StartsWith("lei:"u8) || text.StartsWith("gln:"u8))
            && AllLettersOrDigits(text[4..]);
        return readable ? Encoding.ASCII.GetString(text) : DomainHex.Encode(id);
    }

    private static bool AllLettersOrDigits(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
            if (!char.IsAsciiLetterOrDigit((char)b)) return false;
        return true;
    }
}
