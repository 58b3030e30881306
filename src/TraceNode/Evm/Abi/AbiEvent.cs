using Trace.Crypto;

namespace Trace.Node.Evm.Abi;

/// <summary>A contract event: topic0, log decoding (indexed inputs from topics, the rest from data) and topic encoding for filters.</summary>
public sealed class AbiEvent
{
    private readonly byte[] _topic0;
    private readonly AbiType[] _dataTypes;

    public AbiEvent(string name, IReadOnlyList<AbiParameter> inputs, bool anonymous = false)
    {
        Name = name;
        Inputs = [.. inputs];
        Anonymous = anonymous;
        Signature = AbiParameter.Signature(name, inputs);
        _topic0 = Keccak256.HashUtf8(Signature);
        _dataTypes = [.. inputs.Where(p => !p.Indexed).Select(p => p.Type)];
        IndexedCount = inputs.Count(p => p.Indexed);
    }

    /// <summary>An event from its signature with no indexed inputs, e.g. "Transfer(address,address,uint256)".</summary>
    public static AbiEvent FromSignature(string signature)
    {
        var (name, parameters) = AbiParameter.ParseSignature(signature);
        return new AbiEvent(name, parameters);
    }

    public string Name { get; }
    public IReadOnlyList<AbiParameter> Inputs { get; }
    public bool Anonymous { get; }

    /// <summary>Number of indexed inputs (each takes one topic).</summary>
    public int IndexedCount { get; }

    /// <summary>Canonical signature, e.g. "BatchAnchored(bytes32,address,uint32,string)".</summary>
    public string Signature { get; }

    /// <summary>keccak256(signature), the first topic of a non-anonymous event's logs.</summary>
    public ReadOnlySpan<byte> Topic0 => _topic0;

    /// <summary>Topic0 as 0x hex (for eth_getLogs filters).</summary>
    public string Topic0Hex => Hex.Encode(_topic0);

    /// <summary>
    /// Decodes a log into an ordered name → value map in declaration order. Indexed value types decode from their
    /// topic; indexed strings, bytes, arrays and tuples give the 32-byte topic (the keccak of the value) as byte[].
    /// </summary>
    /// <exception cref="AbiDecodingException">wrong topic0, wrong topic count or malformed data.</exception>
    public IReadOnlyDictionary<string, object?> DecodeLog(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        var first = Anonymous ? 0 : 1;
        if (topics.Count != first + IndexedCount)
            throw new AbiDecodingException($"{Signature} logs carry {first + IndexedCount} topics, got {topics.Count}");
        if (!Anonymous && !topics[0].AsSpan().SequenceEqual(_topic0))
            throw new AbiDecodingException($"topic0 {Hex.Encode(topics[0])} is not {Signature} ({Topic0Hex})");
        var dataValues = AbiDecoder.Decode(_dataTypes, data);
        var result = new OrderedDictionary<string, object?>(Inputs.Count);
        int topic = first, dataIndex = 0;
        for (var i = 0; i < Inputs.Count; i++)
        {
            var input = Inputs[i];
            object? value;
            if (!input.Indexed) value = dataValues[dataIndex++];
            else
            {
                var bytes = topics[topic++];
                if (bytes.Length != 32) throw new AbiDecodingException($"topic {topic - 1} of {Signature} is {bytes.Length} bytes, not 32");
                value = IsHashedWhenIndexed(input.Type) ? bytes.ToArray() : input.Type.Read(bytes, 0);
            }
            result.Add(input.KeyAt(i), value);
        }
        return result;
    }

    /// <summary>The topic for an indexed input's value (for log filters): the word for value types, keccak256 for string/bytes.</summary>
    public byte[] EncodeTopic(string parameterName, object? value)
    {
        var input = Inputs.FirstOrDefault(p => p.Name == parameterName && p.Indexed)
            ?? throw new AbiLookupException($"{Signature} has no indexed input named '{parameterName}'");
        return input.Type switch
        {
            AbiStringType or AbiBytesType => Keccak256.Hash((byte[])input.Type.Normalize(value)),
            _ when IsHashedWhenIndexed(input.Type) => throw new AbiEncodingException($"topics for indexed {input.Type} are not supported"),
            _ => AbiEncoder.EncodeSingle(input.Type, value),
        };
    }

    // Solidity stores reference types (string, bytes, arrays, structs) as the keccak of their encoding.
    private static bool IsHashedWhenIndexed(AbiType type) => type is AbiStringType or AbiBytesType or AbiArrayType or AbiTupleType;

    public override string ToString() => Signature;
}
