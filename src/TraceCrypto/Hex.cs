using System.Diagnostics.CodeAnalysis;

namespace Trace.Crypto;

/// <summary>Hex text ⇄ bytes, with or without the 0x prefix, strict about odd lengths and bad digits.</summary>
public static class Hex
{
    /// <summary>Lower-case hex with a 0x prefix ("0x" for empty input).</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool prefix = true)
    {
        if (bytes.IsEmpty) return prefix ? "0x" : string.Empty;
        var hex = Convert.ToHexStringLower(bytes);
        return prefix ? "0x" + hex : hex;
    }

    /// <summary>Decodes hex text; accepts an optional 0x/0X prefix and either case.</summary>
    /// <exception cref="FormatException">odd length or a non-hex character.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text)
    {
        text = StripPrefix(text);
        if ((text.Length & 1) != 0) ThrowOddLength(text.Length);
        var result = new byte[text.Length / 2];
        if (Convert.FromHexString(text, result, out _, out _) != System.Buffers.OperationStatus.Done)
            ThrowBadDigit();
        return result;
    }

    /// <summary>Decodes hex text into <paramref name="destination"/>, which must be exactly the decoded length.</summary>
    public static void Decode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        text = StripPrefix(text);
        if (text.Length != destination.Length * 2)
            throw new FormatException($"expected {destination.Length * 2} hex digits, got {text.Length}");
        if (Convert.FromHexString(text, destination, out _, out _) != System.Buffers.OperationStatus.Done)
            ThrowBadDigit();
    }

    /// <summary>True when <paramref name="text"/> decodes; no exception.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? bytes)
    {
        text = StripPrefix(text);
        bytes = null;
        if ((text.Length & 1) != 0) return false;
        var buffer = new byte[text.Length / 2];
        if (Convert.FromHexString(text, buffer, out _, out _) != System.Buffers.OperationStatus.Done) return false;
        bytes = buffer;
        return true;
    }

    /// <summary>Removes a leading 0x or 0X when present.</summary>
    public static ReadOnlySpan<char> StripPrefix(ReadOnlySpan<char> text) =>
        text.Length >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') ? text[2..] : text;

    [DoesNotReturn]
    private static void ThrowOddLength(int length) => throw new FormatException($"hex text has an odd number of digits ({length})");

    [DoesNotReturn]
    private static void ThrowBadDigit() => throw new FormatException("hex text contains a non-hex character");
}
