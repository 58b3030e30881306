using System.Text;

namespace Trace.Node.ContentAccess;

/// <summary>
/// Participant ids as text (the directory form of issue 13): <c>lei:&lt;LEI&gt;</c> / <c>gln:&lt;GLN&gt;</c> when the
/// 32 bytes are that ASCII text right-padded with zeros, else <c>0x</c> + 64 hex digits.
/// </summary>
public static class ParticipantIdText
{
    /// <summary>The directory form of a 32-byte participant id.</summary>
    public static string Format(ReadOnlySpan<byte> id)
    {
        if (id.Length != 32) throw new ArgumentException("a participant id is 32 bytes", nameof(id));
        var end = id.IndexOf((byte)0);
        if (end < 0) end = 32;
        var text = id[..end];
        if (end > 4 && id[end..].IndexOfAnyExcept((byte)0) < 0 && (text.StartsWith("lei:"u8) || text.StartsWith("gln:"u8))
            && text[4..].IndexOfAnyExcept("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"u8) < 0)
            return Encoding.ASCII.GetString(text);
        return "0x" + Convert.ToHexStringLower(id);
    }

    /// <summary>
    /// The 32 bytes of a participant id given in either form; <paramref name="field"/> names the request field in the error.
    /// </summary>
    /// <exception cref="Domain.InvalidFieldException">neither form.</exception>
    public static byte[] Parse(string? text, string field)
    {
        text = text?.Trim() ?? "";
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.Length == 66)
        {
            try { return Convert.FromHexString(text.AsSpan(2)); }
            catch (FormatException) { }
        }
        else if ((text.StartsWith("lei:", StringComparison.Ordinal) || text.StartsWith("gln:", StringComparison.Ordinal))
                 && text.Length is > 4 and <= 32 && text.AsSpan(4).IndexOfAnyExcept("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") < 0)
        {
            var id = new byte[32];
            Encoding.ASCII.GetBytes(text, id);
            return id;
        }
        throw new Domain.InvalidFieldException(field, "a participant id is \"lei:<LEI>\", \"gln:<GLN>\" or 0x + 64 hex digits");
    }

    /// <summary>The canonical directory form of <paramref name="text"/> (either form in, one form out).</summary>
    public static string Normalise(string? text, string field) => Format(Parse(text, field));
}
