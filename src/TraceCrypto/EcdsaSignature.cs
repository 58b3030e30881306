namespace Trace.Crypto;

/// <summary>A secp256k1 ECDSA signature: r and s as 32-byte big-endian values and the recovery id (0–3, y parity in bit 0).</summary>
public readonly record struct EcdsaSignature(byte[] R, byte[] S, byte RecoveryId)
{
    /// <summary>Byte length of r, of s.</summary>
    public const int ScalarSize = 32;

    private readonly byte[] _r = CheckScalar(R, nameof(R));
    private readonly byte[] _s = CheckScalar(S, nameof(S));
    private readonly byte _recoveryId = CheckRecoveryId(RecoveryId);

    /// <summary>r, big-endian, exactly 32 bytes (checked on construction and in <c>with</c>).</summary>
    public byte[] R { get => _r; init => _r = CheckScalar(value, nameof(R)); }

    /// <summary>s, big-endian, exactly 32 bytes.</summary>
    public byte[] S { get => _s; init => _s = CheckScalar(value, nameof(S)); }

    /// <summary>Recovery id; 0 or 1 for every signature Ethereum accepts.</summary>
    public byte RecoveryId { get => _recoveryId; init => _recoveryId = CheckRecoveryId(value); }

    /// <summary>False for <c>default(EcdsaSignature)</c>, which holds no r or s.</summary>
    public bool IsInitialized => _r is not null && _s is not null;

    /// <summary>True when s ≤ n/2, the only form Ethereum transactions (EIP-2) and OpenZeppelin ECDSA accept.</summary>
    public bool IsLowS => IsInitialized && ((ReadOnlySpan<byte>)S).SequenceCompareTo(Secp256k1.HalfOrderBytes) <= 0;

    /// <summary>The 65-byte form r‖s‖v with v = 27 + recovery id (as eth_sign and ethers serialise it).</summary>
    public byte[] ToBytes65()
    {
        var result = new byte[65];
        R.CopyTo(result, 0);
        S.CopyTo(result, 32);
        result[64] = (byte)(27 + RecoveryId);
        return result;
    }

    /// <summary>Parses r‖s‖v; v may be 0, 1, 27 or 28.</summary>
    /// <exception cref="InvalidSignatureException">not 65 bytes, or v out of range.</exception>
    public static EcdsaSignature FromBytes65(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 65) throw new InvalidSignatureException($"a signature is 65 bytes (r‖s‖v), got {bytes.Length}");
        var v = bytes[64];
        byte recoveryId = v switch
        {
            0 or 27 => 0,
            1 or 28 => 1,
            _ => throw new InvalidSignatureException($"signature v must be 0, 1, 27 or 28, got {v}"),
        };
        return new EcdsaSignature(bytes[..32].ToArray(), bytes[32..64].ToArray(), recoveryId);
    }

    /// <summary>Builds a signature from minimal big-endian r and s (as RLP carries them), left-padding to 32 bytes.</summary>
    /// <exception cref="InvalidSignatureException">r or s longer than 32 bytes.</exception>
    public static EcdsaSignature FromComponents(ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, byte recoveryId) =>
        new(Pad(r, "r"), Pad(s, "s"), recoveryId);

    /// <summary>Value equality over r, s and the recovery id (arrays compared by content).</summary>
    public bool Equals(EcdsaSignature other) =>
        RecoveryId == other.RecoveryId && ((ReadOnlySpan<byte>)R).SequenceEqual(other.R) && ((ReadOnlySpan<byte>)S).SequenceEqual(other.S);

    public override int GetHashCode() => IsInitialized ? HashCode.Combine(RecoveryId, BitConverter.ToInt32(R, 28), BitConverter.ToInt32(S, 28)) : 0;

    /// <summary>Lower-case hex of the 65-byte form.</summary>
    public override string ToString() => Hex.Encode(ToBytes65());

    private static byte[] Pad(ReadOnlySpan<byte> value, string name)
    {
        if (value.Length > ScalarSize) throw new InvalidSignatureException($"signature {name} is {value.Length} bytes, more than 32");
        var result = new byte[ScalarSize];
        value.CopyTo(result.AsSpan(ScalarSize - value.Length));
        return result;
    }

    private static byte[] CheckScalar(byte[]? value, string name) => value is { Length: ScalarSize }
        ? value
        : throw new InvalidSignatureException($"signature {name} must be {ScalarSize} bytes, got {value?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}");

    private static byte CheckRecoveryId(byte value) =>
        value <= 3 ? value : throw new InvalidSignatureException($"recovery id must be 0-3, got {value}");
}
