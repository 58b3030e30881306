using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Trace.Chain.Rpc;

/// <summary>JSON-RPC "quantity" encoding: 0x-prefixed, minimal hex, "0x0" for zero.</summary>
public static class HexQuantity
{
    public static string Format(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static string Format(BigInteger value)
    {
        if (value.Sign < 0) throw new ArgumentOutOfRangeException(nameof(value), "a quantity is never negative");
        if (value.IsZero) return "0x0";
        return "0x" + Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0');
    }

    public static ulong ParseUInt64(string text)
    {
        var digits = Strip(text);
        if (digits.Length == 0) return 0;
        return ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a 64-bit hex quantity");
    }

    public static BigInteger ParseBigInteger(string text)
    {
        var digits = Strip(text);
        if (digits.Length == 0) return BigInteger.Zero;
        // Leading '0' keeps BigInteger from reading the top bit as a sign.
        return BigInteger.TryParse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a hex quantity");
    }

    internal static ulong GetQuantity(this JsonElement element) => ParseUInt64(element.GetString() ?? throw new FormatException("quantity is null"));

    internal static BigInteger GetBigQuantity(this JsonElement element) => ParseBigInteger(element.GetString() ?? throw new FormatException("quantity is null"));

    private static string Strip(string text) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : throw new FormatException($"quantity '{text}' lacks the 0x prefix");
}
