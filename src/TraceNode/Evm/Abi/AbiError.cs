using Trace.Crypto;

namespace Trace.Node.Evm.Abi;

/// <summary>A Solidity custom error (or the built-in Error(string) / Panic(uint256)): selector, encoding and decoding.</summary>
public sealed class AbiError
{
    private readonly byte[] _selector;
    private readonly AbiType[] _types;

    public AbiError(string name, IReadOnlyList<AbiParameter> inputs)
    {
        Name = name;
        Inputs = [.. inputs];
        Signature = AbiParameter.Signature(name, inputs);
        _selector = Keccak256.HashUtf8(Signature)[..4];
        _types = [.. inputs.Select(p => p.Type)];
    }

    /// <summary>An error from its signature, e.g. "AlreadyAnchored(bytes32)".</summary>
    public static AbiError FromSignature(string signature)
    {
        var (name, parameters) = AbiParameter.ParseSignature(signature);
        return new AbiError(name, parameters);
    }

    /// <summary>Error(string message), what require(cond, "message") reverts with (selector 0x08c379a0).</summary>
    public static AbiError ErrorString { get; } = new("Error", [new AbiParameter("message", AbiStringType.Instance)]);

    /// <summary>Panic(uint256 code), raised by failed asserts and checked arithmetic (selector 0x4e487b71).</summary>
    public static AbiError Panic { get; } = new("Panic", [new AbiParameter("code", new AbiIntegerType(256, false))]);

    public string Name { get; }
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>Canonical signature, e.g. "AlreadyAnchored(bytes32)".</summary>
    public string Signature { get; }

    /// <summary>First 4 bytes of keccak256(signature).</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>The selector as 0x hex.</summary>
    public string SelectorHex => Hex.Encode(_selector);

    /// <summary>Revert data: selector ‖ abi.encode(args).</summary>
    public byte[] Encode(params object?[] args)
    {
        if (args.Length != _types.Length) throw new AbiEncodingException($"{Signature} takes {_types.Length} arguments, got {args.Length}");
        return AbiEncoder.Encode(_types, args, _selector);
    }

    /// <summary>Decodes revert data (selector checked) into an ordered name → value map.</summary>
    public IReadOnlyDictionary<string, object?> Decode(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4 || !revertData[..4].SequenceEqual(_selector))
            throw new AbiDecodingException($"revert data does not start with the selector {SelectorHex} of {Signature}");
        var values = AbiDecoder.Decode(_types, revertData[4..]);
        var result = new OrderedDictionary<string, object?>(values.Length);
        for (var i = 0; i < values.Length; i++) result.Add(Inputs[i].KeyAt(i), values[i]);
        return result;
    }

    public override string ToString() => Signature;
}
