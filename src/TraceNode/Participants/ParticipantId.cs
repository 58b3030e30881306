using System.Text;
using Trace.Crypto;
using Trace.Domain;
using Trace.Domain.Identifiers;

namespace Trace.Node.Participants;

/// <summary>
/// A participant id: 32 bytes on chain. Trace's ids are the ASCII text "lei:&lt;LEI&gt;" or "gln:&lt;GLN&gt;" right-padded with
/// zero bytes (readable on a chain explorer and reversible); ids registered outside Trace show as "0x" + 64 hex digits.
/// </summary>
public sealed class ParticipantId : IEquatable<ParticipantId>
{
    /// <summary>Prefix of an id derived from an LEI.</summary>
    public const string LeiPrefix = "lei:";

    /// <summary>Prefix of an id derived from a GLN.</summary>
    public const string GlnPrefix = "gln:";

    private readonly byte[] _bytes;

    private ParticipantId(byte[] bytes) => _bytes = bytes;

    /// <summary>The 32 bytes registered on chain (a copy).</summary>
    public byte[] ToBytes() => (byte[])_bytes.Clone();

    /// <summary>The directory form: "lei:..." / "gln:..." when the bytes decode so, else "0x" + 64 hex digits.</summary>
    public override string ToString() => Readable(_bytes) ?? Hex.Encode(_bytes);

    /// <summary>The id of the 32 bytes read from chain.</summary>
    public static ParticipantId FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 32 ? new ParticipantId(bytes.ToArray()) : throw new ArgumentException("a participant id is 32 bytes", nameof(bytes));

    /// <summary>The id of an organisation by its LEI (checked, ISO 17442).</summary>
    /// <exception cref="InvalidFieldException">not a valid LEI.</exception>
    public static ParticipantId FromLei(string lei, string field)
    {
        var normal = (lei ?? "").Trim().ToUpperInvariant();
        if (LeiCode.Check(normal) is { } error) throw new InvalidFieldException(field, $"'{Truncate(lei)}': {error}");
        return FromText(LeiPrefix + normal);
    }

    /// <summary>The id of an organisation by its GLN (13 digits, GS1 check digit).</summary>
    /// <exception cref="InvalidFieldException">not a valid GLN.</exception>
    public static ParticipantId FromGln(string gln, string field)
    {
        var normal = (gln ?? "").Trim();
        if (normal.Length != 13 || !Gs1CheckDigit.IsAllDigits(normal))
            throw new InvalidFieldException(field, $"'{Truncate(gln)}': a GLN has 13 digits");
        if (!Gs1CheckDigit.IsValid(normal))
            throw new InvalidFieldException(field, $"'{normal}': GS1 check digit {normal[12]} is wrong, expected {Gs1CheckDigit.Compute(normal.AsSpan(0, 12))}");
        return FromText(GlnPrefix + normal);
    }

    /// <summary>Parses either form: "lei:&lt;LEI&gt;", "gln:&lt;GLN&gt;" (prefix in any case, checked) or "0x" + 64 hex digits.</summary>
    /// <exception cref="InvalidFieldException">none of these forms.</exception>
    public static ParticipantId Parse(string? text, string field)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0) throw new InvalidFieldException(field, "the participant id is missing (lei:<LEI>, gln:<GLN> or 0x + 64 hex digits)");
        if (value.StartsWith(LeiPrefix, StringComparison.OrdinalIgnoreCase)) return FromLei(value[LeiPrefix.Length..], field);
        if (value.StartsWith(GlnPrefix, StringComparison.OrdinalIgnoreCase)) return FromGln(value[GlnPrefix.Length..], field);
        if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && value.Length == 66 && Hex.TryDecode(value, out var bytes) && bytes.Length == 32)
            return new ParticipantId(bytes);
        throw new InvalidFieldException(field, $"'{Truncate(text)}' is not a participant id (lei:<20-character LEI>, gln:<13-digit GLN> or 0x + 64 hex digits)");
    }

    private static ParticipantId FromText(string text)
    {
        var bytes = new byte[32];
        Encoding.ASCII.GetBytes(text, bytes);
        return new ParticipantId(bytes);
    }

    // One rule for every surface: the Domain's participant id format.
    private static string? Readable(byte[] bytes) => Trace.Domain.Assurance.ParticipantIdFormat.Readable(bytes);

    private static string Truncate(string? text) => text is null ? "" : text.Length <= 70 ? text : text[..67] + "...";

    public bool Equals(ParticipantId? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => obj is ParticipantId other && Equals(other);

    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0) ^ BitConverter.ToInt32(_bytes, 28);
}
