using System.Text;
using Trace.Crypto;
using Trace.Node.Participants;

namespace Trace.Node.Access;

/// <summary>
/// The directory form of a participant id (bytes32 on chain): "lei:&lt;LEI&gt;" or "gln:&lt;GLN&gt;" when the bytes are that
/// ASCII text right-padded with zeros, else "0x" + 64 hex digits (ids registered outside Trace).
/// </summary>
public static class ParticipantIdText
{
    /// <summary>The directory form of <paramref name="id"/> (32 bytes): exactly the participant directory's (one definition, <see cref="ParticipantId"/>).</summary>
    public static string Format(ReadOnlySpan<byte> id)
    {
        if (id.Length != 32) throw new ArgumentException("a participant id is 32 bytes", nameof(id));
        return ParticipantId.FromBytes(id).ToString();
    }

    /// <summary>The 32 bytes of a participant id written in either form.</summary>
    /// <exception cref="FormatException">neither form.</exception>
    public static byte[] Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.Length == 66)
        {
            if (Hex.TryDecode(text, out var bytes)) return bytes;
        }
        if ((text.StartsWith("lei:", StringComparison.Ordinal) || text.StartsWith("gln:", StringComparison.Ordinal)) && text.Length <= 32 && text.All(char.IsAscii))
        {
            var id = new byte[32];
            Encoding.ASCII.GetBytes(text, id);
            return id;
        }
        throw new FormatException("a participant id is \"lei:<LEI>\", \"gln:<GLN>\" or \"0x\" + 64 hex digits");
    }
}
