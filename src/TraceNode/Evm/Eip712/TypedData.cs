using System.Text.Json;
using Trace.Crypto.Eip712;

namespace Trace.Node.Evm.Eip712;

/// <summary>An EIP-712 typed-data document (domain, types, primaryType, message) as eth_signTypedData_v4 takes it.</summary>
public sealed class TypedData
{
    public TypedData(Eip712Domain domain, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types, string primaryType,
        IReadOnlyDictionary<string, object?> message)
    {
        // EIP712Domain is always derived from the domain's present fields, so a copy in the document is not used.
        var structs = types.Where(t => t.Key != "EIP712Domain").ToDictionary(t => t.Key, t => t.Value);
        if (!structs.ContainsKey(primaryType)) throw new Eip712Exception($"primaryType '{primaryType}' is not among the types");
        Domain = domain;
        Encoder = new TypedDataEncoder(structs);
        PrimaryType = primaryType;
        Message = message;
    }

    public Eip712Domain Domain { get; }
    public TypedDataEncoder Encoder { get; }
    public string PrimaryType { get; }
    public IReadOnlyDictionary<string, object?> Message { get; }

    /// <summary>Parses the JSON form: {"domain":{…},"types":{…},"primaryType":"…","message":{…}}.</summary>
    /// <exception cref="Eip712Exception">malformed document or values.</exception>
    public static TypedData Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return FromJson(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new Eip712Exception($"typed data is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Reads the JSON form from a parsed element (values are copied out; the element may be disposed after).</summary>
    public static TypedData FromJson(JsonElement root) => TypedDataJson.Read(root);

    /// <summary>encodeType of the primary type.</summary>
    public string EncodeType() => Encoder.EncodeType(PrimaryType);

    /// <summary>typeHash of the primary type.</summary>
    public byte[] TypeHash() => Encoder.TypeHash(PrimaryType);

    /// <summary>hashStruct(primaryType, message).</summary>
    public byte[] StructHash() => Encoder.HashStruct(PrimaryType, Message);

    /// <summary>hashStruct(EIP712Domain, domain).</summary>
    public byte[] DomainSeparator() => Domain.Separator();

    /// <summary>keccak256(0x1901 ‖ domainSeparator ‖ structHash).</summary>
    public byte[] Digest() => TypedDataEncoder.Digest(DomainSeparator(), StructHash());
}
