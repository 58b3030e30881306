using System.Security.Cryptography;

namespace Trace.Crypto;

/// <summary>
/// A secp256k1 private key with its public key and address. The secret lives in a pinned array
/// (so the GC never leaves copies), is wiped on <see cref="Dispose"/>, and never appears in ToString.
/// </summary>
public sealed class EthereumKey : IDisposable
{
    private const int KeySize = 32;
    private readonly byte[] _secret;
    private readonly byte[] _publicKey;
    private bool _disposed;

    private EthereumKey(ReadOnlySpan<byte> key32)
    {
        if (key32.Length != KeySize) throw new ArgumentException($"a private key is 32 bytes, got {key32.Length}", nameof(key32));
        var d = Secp256k1.ToBig(key32);
        if (!Secp256k1.IsValidPrivateKey(d)) throw new ArgumentException("private key must be between 1 and n-1 (the secp256k1 order)", nameof(key32));
        _secret = GC.AllocateArray<byte>(KeySize, pinned: true);
        key32.CopyTo(_secret);
        _publicKey = Secp256k1.PublicKeyOf(d);
        CompressedPublicKey = Secp256k1.CompressedPublicKeyOf(d);
        Address = EthereumAddress.FromPublicKey(_publicKey);
    }

    /// <summary>The account address of this key.</summary>
    public EthereumAddress Address { get; }

    /// <summary>The uncompressed public key, 65 bytes starting with 0x04 (a copy).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>The compressed public key, 33 bytes starting with 0x02 or 0x03.</summary>
    public byte[] CompressedPublicKey { get; }

    /// <summary>Wraps 32 big-endian key bytes (copied).</summary>
    /// <exception cref="ArgumentException">not 32 bytes, zero, or not below the curve order.</exception>
    public static EthereumKey FromPrivateKey(ReadOnlySpan<byte> key32) => new(key32);

    /// <summary>Parses 64 hex digits, with or without 0x.</summary>
    /// <exception cref="ArgumentException">not 64 hex digits, or out of range (the text is never echoed).</exception>
    public static EthereumKey FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = Hex.StripPrefix(hex);
        Span<byte> key = stackalloc byte[KeySize];
        try
        {
            if (digits.Length != KeySize * 2) throw new ArgumentException($"a private key is 64 hex digits, got {digits.Length}", nameof(hex));
            try
            {
                Hex.Decode(digits, key);
            }
            catch (FormatException)
            {
                throw new ArgumentException("private key contains a non-hex character", nameof(hex));
            }
            return new EthereumKey(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>A new key from the operating system's CSPRNG.</summary>
    public static EthereumKey Generate()
    {
        Span<byte> key = stackalloc byte[KeySize];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(key);
                if (Secp256k1.IsValidPrivateKey(Secp256k1.ToBig(key))) return new EthereumKey(key);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Signs a 32-byte digest: RFC 6979 deterministic nonce, low s, recovery id set.</summary>
    /// <exception cref="ObjectDisposedException">the key was disposed.</exception>
    public EcdsaSignature Sign(ReadOnlySpan<byte> digest32)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Secp256k1.Sign(digest32, Secp256k1.ToBig(_secret));
    }

    /// <summary>A copy of the 32 private key bytes; the caller owns (and should wipe) it.</summary>
    public byte[] ExportPrivateKey()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return (byte[])_secret.Clone();
    }

    /// <summary>Wipes the private key.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        CryptographicOperations.ZeroMemory(_secret);
        _disposed = true;
    }

    /// <summary>Names the address only; the private key never reaches logs.</summary>
    public override string ToString() => $"EthereumKey({Address})";
}
