using System.Diagnostics.CodeAnalysis;

namespace Trace.Crypto;

/// <summary>A 20-byte account address; prints with its EIP-55 checksum and parses strictly.</summary>
public readonly struct EthereumAddress : IEquatable<EthereumAddress>, IComparable<EthereumAddress>
{
    /// <summary>Length of an address in bytes.</summary>
    public const int Size = 20;

    private readonly byte[]? _bytes;

    private EthereumAddress(byte[] bytes) => _bytes = bytes;

    /// <summary>The zero address (0x000…000).</summary>
    public static EthereumAddress Zero { get; } = new(new byte[Size]);

    /// <summary>The address bytes (20).</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? Zero._bytes!;

    /// <summary>Copies 20 bytes into a new address.</summary>
    public static EthereumAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new InvalidAddressException($"an address is 20 bytes, got {bytes.Length}");
        return new EthereumAddress(bytes.ToArray());
    }

    /// <summary>The address of an uncompressed public key (64 bytes x‖y, or 65 with the 0x04 prefix).</summary>
    public static EthereumAddress FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length == 65 && publicKey[0] == 0x04) publicKey = publicKey[1..];
        if (publicKey.Length != 64) throw new ArgumentException("an uncompressed public key is 64 or 65 bytes", nameof(publicKey));
        Span<byte> hash = stackalloc byte[Keccak256.Size];
        Keccak256.Hash(publicKey, hash);
        return new EthereumAddress(hash[12..].ToArray());
    }

    /// <summary>
    /// Parses 0x-prefixed hex. All-lower and all-upper digits are accepted unchecked;
    /// mixed case must carry a valid EIP-55 checksum.
    /// </summary>
    /// <exception cref="InvalidAddressException">wrong length, bad digit or wrong checksum.</exception>
    public static EthereumAddress Parse(string text)
    {
        if (!TryParse(text, out var address, out var error)) throw new InvalidAddressException(error);
        return address;
    }

    /// <summary>Parses like <see cref="Parse"/> without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out EthereumAddress address) => TryParse(text, out address, out _);

    private static bool TryParse(string? text, out EthereumAddress address, out string error)
    {
        address = default;
        if (text is null) { error = "address is missing"; return false; }
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) { error = $"address '{Truncate(text)}' must start with 0x"; return false; }
        var digits = text.AsSpan(2);
        if (digits.Length != Size * 2) { error = $"address '{Truncate(text)}' must have 40 hex digits, has {digits.Length}"; return false; }
        var bytes = new byte[Size];
        if (!Hex.TryDecode(digits, out var decoded)) { error = $"address '{Truncate(text)}' has a non-hex character"; return false; }
        decoded.CopyTo(bytes, 0);
        var candidate = new EthereumAddress(bytes);
        bool hasLower = false, hasUpper = false;
        foreach (var c in digits)
        {
            if (c is >= 'a' and <= 'f') hasLower = true;
            else if (c is >= 'A' and <= 'F') hasUpper = true;
        }
        if (hasLower && hasUpper && !digits.SequenceEqual(candidate.ToString().AsSpan(2)))
        {
            error = $"address '{text}' fails its EIP-55 checksum";
            return false;
        }
        address = candidate;
        error = string.Empty;
        return true;
    }

    /// <summary>The EIP-55 checksummed form, e.g. 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed.</summary>
    public override string ToString()
    {
        Span<char> lower = stackalloc char[Size * 2];
        Convert.TryToHexStringLower(Bytes, lower, out _);
        Span<byte> ascii = stackalloc byte[Size * 2];
        for (var i = 0; i < lower.Length; i++) ascii[i] = (byte)lower[i];
        Span<byte> hash = stackalloc byte[Keccak256.Size];
        Keccak256.Hash(ascii, hash);
        return string.Create(2 + Size * 2, (lower: lower.ToString(), hash: hash.ToArray()), static (chars, state) =>
        {
            chars[0] = '0';
            chars[1] = 'x';
            for (var i = 0; i < state.lower.Length; i++)
            {
                var c = state.lower[i];
                var nibble = (i & 1) == 0 ? state.hash[i / 2] >> 4 : state.hash[i / 2] & 0x0f;
                chars[i + 2] = c >= 'a' && nibble >= 8 ? char.ToUpperInvariant(c) : c;
            }
        });
    }

    /// <summary>Lower-case 0x hex (for JSON-RPC and database keys).</summary>
    public string ToLowerHex() => Hex.Encode(Bytes);

    /// <summary>A new array with the 20 address bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    public bool Equals(EthereumAddress other) => Bytes.SequenceEqual(other.Bytes);
    public override bool Equals(object? obj) => obj is EthereumAddress other && Equals(other);
    public override int GetHashCode() => BitConverter.ToInt32(Bytes[..4]) ^ BitConverter.ToInt32(Bytes[16..]);
    public int CompareTo(EthereumAddress other) => Bytes.SequenceCompareTo(other.Bytes);
    public static bool operator ==(EthereumAddress left, EthereumAddress right) => left.Equals(right);
    public static bool operator !=(EthereumAddress left, EthereumAddress right) => !left.Equals(right);

    private static string Truncate(string text) => text.Length <= 50 ? text : text[..47] + "...";
}
