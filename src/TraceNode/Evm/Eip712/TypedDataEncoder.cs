using System.Collections;
using Trace.Crypto;
using Trace.Node.Evm.Abi;

namespace Trace.Node.Evm.Eip712;

/// <summary>EIP-712 encodeType, typeHash, encodeData and hashStruct over a set of struct types.</summary>
/// <remarks>
/// Values: structs are IReadOnlyDictionary&lt;string, object?&gt;; arrays any IEnumerable; atomic values as the ABI
/// encoder takes them (BigInteger/int…, EthereumAddress or 0x text, bool, byte[] or 0x hex); string and bytes are hashed.
/// </remarks>
public sealed class TypedDataEncoder
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> _types;

    public TypedDataEncoder(IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types)
    {
        _types = types;
        foreach (var (name, fields) in types)
            foreach (var field in fields)
            {
                var baseType = BaseType(field.Type);
                if (!types.ContainsKey(baseType) && !IsAtomicOrDynamic(baseType))
                    throw new Eip712Exception($"type {name} field '{field.Name}' has unknown type '{field.Type}'");
            }
    }

    /// <summary>The struct types, by name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types => _types;

    /// <summary>encodeType: "Primary(…)" followed by every referenced struct type sorted by name.</summary>
    public string EncodeType(string primaryType)
    {
        var dependencies = new SortedSet<string>(StringComparer.Ordinal);
        CollectDependencies(primaryType, dependencies);
        dependencies.Remove(primaryType);
        return string.Concat(new[] { primaryType }.Concat(dependencies).Select(Describe));
    }

    /// <summary>typeHash = keccak256(encodeType(type)).</summary>
    public byte[] TypeHash(string primaryType) => Keccak256.HashUtf8(EncodeType(primaryType));

    /// <summary>encodeData: typeHash ‖ one 32-byte word per field.</summary>
    public byte[] EncodeData(string type, IReadOnlyDictionary<string, object?> data)
    {
        var fields = Fields(type);
        var result = new byte[32 * (fields.Count + 1)];
        TypeHash(type).CopyTo(result, 0);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (!data.TryGetValue(field.Name, out var value)) throw new Eip712Exception($"{type} value has no field '{field.Name}'");
            EncodeValue(field.Type, value, $"{type}.{field.Name}").CopyTo(result, 32 * (i + 1));
        }
        return result;
    }

    /// <summary>hashStruct = keccak256(encodeData(type, data)).</summary>
    public byte[] HashStruct(string type, IReadOnlyDictionary<string, object?> data) => Keccak256.Hash(EncodeData(type, data));

    /// <summary>keccak256(0x19 0x01 ‖ domainSeparator ‖ structHash): the digest a signer signs.</summary>
    public static byte[] Digest(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash)
    {
        Span<byte> buffer = stackalloc byte[66];
        buffer[0] = 0x19;
        buffer[1] = 0x01;
        domainSeparator[..32].CopyTo(buffer[2..]);
        structHash[..32].CopyTo(buffer[34..]);
        return Keccak256.Hash(buffer);
    }

    private byte[] EncodeValue(string type, object? value, string path)
    {
        if (type.EndsWith(']'))
        {
            var open = type.LastIndexOf('[');
            var elementType = type[..open];
            var lengthText = type[(open + 1)..^1];
            if (value is string or null || value is not IEnumerable items) throw new Eip712Exception($"{path} ({type}) expects an array");
            var encoded = new List<byte>();
            var count = 0;
            foreach (var item in items) encoded.AddRange(EncodeValue(elementType, item, $"{path}[{count++}]"));
            if (lengthText.Length > 0 && (!int.TryParse(lengthText, out var fixedLength) || fixedLength != count))
                throw new Eip712Exception($"{path} ({type}) expects {lengthText} elements, got {count}");
            return Keccak256.Hash([.. encoded]);
        }
        if (_types.ContainsKey(type))
        {
            if (value is not IReadOnlyDictionary<string, object?> fields) throw new Eip712Exception($"{path} ({type}) expects a struct value (a name → value map)");
            return HashStruct(type, fields);
        }
        try
        {
            return type switch
            {
                "string" => Keccak256.HashUtf8(value as string ?? throw new Eip712Exception($"{path} (string) expects a string")),
                "bytes" => Keccak256.Hash((byte[])AbiBytesType.Instance.Normalize(value)),
                _ => AbiEncoder.EncodeSingle(AbiType.Parse(type), value),
            };
        }
        catch (AbiEncodingException e)
        {
            throw new Eip712Exception($"{path} ({type}): {e.Message}", e);
        }
    }

    private IReadOnlyList<TypedDataField> Fields(string type) =>
        _types.TryGetValue(type, out var fields) ? fields : throw new Eip712Exception($"unknown struct type '{type}'");

    private void CollectDependencies(string type, SortedSet<string> found)
    {
        if (!_types.ContainsKey(type) || !found.Add(type)) return;
        foreach (var field in _types[type]) CollectDependencies(BaseType(field.Type), found);
    }

    private string Describe(string type) => $"{type}({string.Join(",", Fields(type).Select(f => $"{f.Type} {f.Name}"))})";

    private static string BaseType(string type) => type.IndexOf('[') is var i and >= 0 ? type[..i] : type;

    private static bool IsAtomicOrDynamic(string type)
    {
        try
        {
            return AbiType.Parse(type) is AbiIntegerType or AbiAddressType or AbiBoolType or AbiFixedBytesType or AbiBytesType or AbiStringType;
        }
        catch (AbiFormatException)
        {
            return false;
        }
    }
}
