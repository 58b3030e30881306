using System.Numerics;

namespace Trace.Crypto.Eip712;

/// <summary>An EIP-712 domain; only the fields that are set take part in EIP712Domain and the separator.</summary>
public sealed record Eip712Domain(
    string? Name = null,
    string? Version = null,
    BigInteger? ChainId = null,
    EthereumAddress? VerifyingContract = null,
    byte[]? Salt = null)
{
    /// <summary>
    /// The EIP712Domain encodeType: the present fields in the order name, version, chainId, verifyingContract, salt,
    /// e.g. "EIP712Domain(string name,uint256 chainId)".
    /// </summary>
    public string EncodeType()
    {
        var fields = new List<string>(5);
        if (Name is not null) fields.Add("string name");
        if (Version is not null) fields.Add("string version");
        if (ChainId is not null) fields.Add("uint256 chainId");
        if (VerifyingContract is not null) fields.Add("address verifyingContract");
        if (Salt is not null) fields.Add("bytes32 salt");
        return $"EIP712Domain({string.Join(',', fields)})";
    }

    /// <summary>domainSeparator = hashStruct(EIP712Domain, domain) = keccak256(typeHash ‖ encodeData(domain)).</summary>
    /// <exception cref="ArgumentException">a chain id that is negative or wider than 256 bits, or a salt that is not 32 bytes.</exception>
    public byte[] Separator()
    {
        // Every EIP712Domain member encodes to one 32-byte word: strings as their keccak, the rest padded in place.
        var data = new List<byte>(6 * 32);
        data.AddRange(Keccak256.HashUtf8(EncodeType()));
        if (Name is not null) data.AddRange(Keccak256.HashUtf8(Name));
        if (Version is not null) data.AddRange(Keccak256.HashUtf8(Version));
        if (ChainId is { } chainId) data.AddRange(Uint256(chainId));
        if (VerifyingContract is { } contract) { data.AddRange(new byte[12]); data.AddRange(contract.ToArray()); }
        if (Salt is not null)
        {
            if (Salt.Length != 32) throw new ArgumentException($"EIP712Domain.salt must be 32 bytes, got {Salt.Length}", nameof(Salt));
            data.AddRange(Salt);
        }
        return Keccak256.Hash([.. data]);
    }

    private static byte[] Uint256(BigInteger value)
    {
        if (value.Sign < 0) throw new ArgumentException("EIP712Domain.chainId must not be negative", nameof(ChainId));
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length > 32) throw new ArgumentException("EIP712Domain.chainId does not fit in uint256", nameof(ChainId));
        var word = new byte[32];
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }
}
