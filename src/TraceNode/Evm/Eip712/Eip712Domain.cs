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
    /// <summary>The EIP712Domain type: the present fields in the order name, version, chainId, verifyingContract, salt.</summary>
    public IReadOnlyList<TypedDataField> Fields
    {
        get
        {
            var fields = new List<TypedDataField>(5);
            if (Name is not null) fields.Add(new("name", "string"));
            if (Version is not null) fields.Add(new("version", "string"));
            if (ChainId is not null) fields.Add(new("chainId", "uint256"));
            if (VerifyingContract is not null) fields.Add(new("verifyingContract", "address"));
            if (Salt is not null) fields.Add(new("salt", "bytes32"));
            return fields;
        }
    }

    /// <summary>The domain as a message for hashStruct("EIP712Domain", …).</summary>
    public IReadOnlyDictionary<string, object?> ToMessage()
    {
        var message = new Dictionary<string, object?>();
        if (Name is not null) message["name"] = Name;
        if (Version is not null) message["version"] = Version;
        if (ChainId is not null) message["chainId"] = ChainId.Value;
        if (VerifyingContract is not null) message["verifyingContract"] = VerifyingContract.Value;
        if (Salt is not null) message["salt"] = Salt;
        return message;
    }

    /// <summary>domainSeparator = hashStruct(EIP712Domain, domain).</summary>
    public byte[] Separator()
    {
        var encoder = new TypedDataEncoder(new Dictionary<string, IReadOnlyList<TypedDataField>> { ["EIP712Domain"] = Fields });
        return encoder.HashStruct("EIP712Domain", ToMessage());
    }
}
