using Trace.Crypto;

namespace Trace.Node.Evm.Abi;

/// <summary>A contract function: selector, canonical signature, call encoding and output decoding.</summary>
public sealed class AbiFunction
{
    private readonly byte[] _selector;
    private readonly AbiType[] _inputTypes;
    private readonly AbiType[] _outputTypes;

    public AbiFunction(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter> outputs, string stateMutability = "nonpayable")
    {
        Name = name;
        Inputs = [.. inputs];
        Outputs = [.. outputs];
        StateMutability = stateMutability;
        Signature = AbiParameter.Signature(name, inputs);
        _selector = Keccak256.HashUtf8(Signature)[..4];
        _inputTypes = [.. inputs.Select(p => p.Type)];
        _outputTypes = [.. outputs.Select(p => p.Type)];
    }

    /// <summary>A function from its signature, e.g. "anchorBatch(bytes32,uint32,string)" (no outputs).</summary>
    public static AbiFunction FromSignature(string signature)
    {
        var (name, parameters) = AbiParameter.ParseSignature(signature);
        return new AbiFunction(name, parameters, []);
    }

    public string Name { get; }
    public IReadOnlyList<AbiParameter> Inputs { get; }
    public IReadOnlyList<AbiParameter> Outputs { get; }

    /// <summary>pure, view, nonpayable or payable.</summary>
    public string StateMutability { get; }

    /// <summary>Canonical signature, e.g. "anchorBatch(bytes32,uint32,string)".</summary>
    public string Signature { get; }

    /// <summary>First 4 bytes of keccak256(signature).</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>The selector as 0x hex.</summary>
    public string SelectorHex => Hex.Encode(_selector);

    /// <summary>Call data: selector ‖ abi.encode(args).</summary>
    /// <exception cref="AbiEncodingException">wrong argument count or a value that does not fit its type.</exception>
    public byte[] EncodeCall(params object?[] args)
    {
        if (args.Length != _inputTypes.Length)
            throw new AbiEncodingException($"{Signature} takes {_inputTypes.Length} arguments, got {args.Length}");
        return AbiEncoder.Encode(_inputTypes, args, _selector);
    }

    /// <summary>Decodes call data (selector checked) back into the arguments.</summary>
    public object?[] DecodeCall(ReadOnlySpan<byte> callData)
    {
        if (callData.Length < 4 || !callData[..4].SequenceEqual(_selector))
            throw new AbiDecodingException($"call data does not start with the selector {SelectorHex} of {Signature}");
        return AbiDecoder.Decode(_inputTypes, callData[4..]);
    }

    /// <summary>Decodes the return data of an eth_call into the outputs, in order.</summary>
    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData) => AbiDecoder.Decode(_outputTypes, returnData);

    public override string ToString() => Signature;
}
