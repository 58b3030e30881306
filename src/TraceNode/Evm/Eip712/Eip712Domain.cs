using System.Numerics;
using Trace.Node.Evm.Crypto;

namespace Trace.Node.Evm.Eip712;

/// <summary>An EIP-712 domain; only the fields that are set take part in EIP712Domain and the separator.</summary>
public sealed record Eip712Domain(
    string? Name = null,
    string? Version = null,
    BigInteger? ChainId = null,
    EthereumAddress? VerifyingContract = null,
    byte[]? Salt = null)
{
    /// <summary>The EIP712Domain type string: the present fields in the order name, version, chainId, verifyingContract, salt.</summary>
    public string EncodeType()
    {
        var fields = new List<string>(5);
        if (Name is not null) fields.Add("string name");
        if (Version is not null) fields.Add("string version");
        if (ChainId is not null) fields.Add("uint256 chainId");
        if (VerifyingContract is not null) fields.Add("address verifyingContract");
        if (Salt is not null) fields.Add("bytes32 salt");
        return $"EIP712Domain({string.Join(",", fields)})";
    }

    /// <summary>domainSeparator = hashStruct(EIP712Domain, domain): keccak256(typeHash ‖ each present field as one 32-byte word).</summary>
    public byte[] Separator()
    {
        var words = new List<byte[]> { Keccak256.HashUtf8(EncodeType()) };
        if (Name is not null) words.Add(Keccak256.HashUtf8(Name));
        if (Version is not null) words.Add(Keccak256.HashUtf8(Version));
        if (ChainId is { } chainId)
        {
            var word = new byte[32];
            chainId.TryWriteBytes(word.AsSpan(32 - chainId.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
            words.Add(word);
        }
        if (VerifyingContract is { } contract)
        {
            var word = new byte[32];
            contract.Bytes.CopyTo(word.AsSpan(12));
            words.Add(word);
        }
        if (Salt is not null)
        {
            if (Salt.Length != 32) throw new ArgumentException($"an EIP-712 salt is 32 bytes, got {Salt.Length}", nameof(Salt));
            words.Add(Salt);
        }
        return Keccak256.Hash([.. words.SelectMany(w => w)]);
    }
}
