using System.Numerics;
using System.Text.Json;
using Trace.Crypto;

namespace Trace.Node.Evm.Abi;

/// <summary>A contract's JSON ABI: functions, events and custom errors by name or signature, and revert decoding.</summary>
public sealed class ContractAbi
{
    private readonly List<AbiFunction> _functions = [];
    private readonly List<AbiEvent> _events = [];
    private readonly List<AbiError> _errors = [];

    private ContractAbi() { }

    /// <summary>An ABI with no members; DecodeRevert still knows Error(string) and Panic(uint256).</summary>
    public static ContractAbi Empty { get; } = new();

    public IReadOnlyList<AbiFunction> Functions => _functions;
    public IReadOnlyList<AbiEvent> Events => _events;
    public IReadOnlyList<AbiError> Errors => _errors;

    /// <summary>Constructor inputs (empty when the contract declares none).</summary>
    public IReadOnlyList<AbiParameter> ConstructorInputs { get; private set; } = [];

    /// <summary>Parses the "abi" array of a solc artifact (or a whole artifact object that has an "abi" property).</summary>
    /// <exception cref="AbiFormatException">malformed JSON ABI.</exception>
    public static ContractAbi Parse(string abiJson)
    {
        try
        {
            using var document = JsonDocument.Parse(abiJson);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("abi", out var inner)) root = inner;
            if (root.ValueKind != JsonValueKind.Array) throw new AbiFormatException("a JSON ABI is an array of entries");
            var abi = new ContractAbi();
            foreach (var item in root.EnumerateArray()) abi.Add(item);
            return abi;
        }
        catch (JsonException e)
        {
            throw new AbiFormatException($"JSON ABI is not valid JSON: {e.Message}");
        }
    }

    private void Add(JsonElement item)
    {
        switch (ContractAbiJson.OptionalString(item, "type") ?? "function")
        {
            case "function":
                _functions.Add(new AbiFunction(ContractAbiJson.RequiredName(item, "function"),
                    ContractAbiJson.ReadParameters(item, "inputs"), ContractAbiJson.ReadParameters(item, "outputs"),
                    ContractAbiJson.OptionalString(item, "stateMutability") ?? "nonpayable"));
                break;
            case "event":
                var anonymous = item.TryGetProperty("anonymous", out var a) && a.ValueKind == JsonValueKind.True;
                _events.Add(new AbiEvent(ContractAbiJson.RequiredName(item, "event"), ContractAbiJson.ReadParameters(item, "inputs"), anonymous));
                break;
            case "error":
                _errors.Add(new AbiError(ContractAbiJson.RequiredName(item, "error"), ContractAbiJson.ReadParameters(item, "inputs")));
                break;
            case "constructor":
                ConstructorInputs = ContractAbiJson.ReadParameters(item, "inputs");
                break;
            case "fallback" or "receive":
                break;
            case var other:
                throw new AbiFormatException($"unknown JSON ABI entry type '{other}'");
        }
    }

    /// <summary>A function by name, or by signature ("store(uint256,string,bytes32)") when the name is overloaded.</summary>
    /// <exception cref="AbiLookupException">no such function, or an overloaded name given without a signature.</exception>
    public AbiFunction Function(string nameOrSignature) => Find(_functions, nameOrSignature, f => f.Name, f => f.Signature, "function");

    /// <summary>An event by name or signature.</summary>
    public AbiEvent Event(string nameOrSignature) => Find(_events, nameOrSignature, e => e.Name, e => e.Signature, "event");

    /// <summary>A custom error by name or signature.</summary>
    public AbiError Error(string nameOrSignature) => Find(_errors, nameOrSignature, e => e.Name, e => e.Signature, "error");

    /// <summary>The function whose selector starts <paramref name="callData"/>, or null.</summary>
    public AbiFunction? FunctionBySelector(ReadOnlySpan<byte> callData)
    {
        if (callData.Length < 4) return null;
        foreach (var f in _functions) if (callData[..4].SequenceEqual(f.Selector)) return f;
        return null;
    }

    /// <summary>The non-anonymous event with this topic0, or null.</summary>
    public AbiEvent? EventByTopic(ReadOnlySpan<byte> topic0)
    {
        foreach (var e in _events) if (!e.Anonymous && topic0.SequenceEqual(e.Topic0)) return e;
        return null;
    }

    /// <summary>Deployment data: bytecode ‖ abi.encode(constructor args).</summary>
    public byte[] EncodeDeployment(ReadOnlySpan<byte> bytecode, params object?[] args)
    {
        if (args.Length != ConstructorInputs.Count) throw new AbiEncodingException($"constructor takes {ConstructorInputs.Count} arguments, got {args.Length}");
        return AbiEncoder.Encode([.. ConstructorInputs.Select(p => p.Type)], args, bytecode);
    }

    /// <summary>
    /// Turns revert data into a <see cref="ContractRevertException"/> (returned, not thrown): this contract's custom
    /// errors, Error(string) and Panic(uint256); anything else gives an "unknown custom error 0x…" exception with the raw data.
    /// </summary>
    public ContractRevertException DecodeRevert(ReadOnlySpan<byte> data)
    {
        var raw = data.ToArray();
        if (raw.Length == 0) return new ContractRevertException("execution reverted without a reason", raw, null, null);
        if (raw.Length >= 4)
        {
            foreach (var error in _errors.Append(AbiError.ErrorString).Append(AbiError.Panic))
            {
                if (!data[..4].SequenceEqual(error.Selector)) continue;
                try
                {
                    var arguments = error.Decode(data);
                    return new ContractRevertException(Describe(error, arguments), raw, error, arguments);
                }
                catch (AbiDecodingException e)
                {
                    return new ContractRevertException(
                        $"execution reverted with {error.Signature} but its arguments do not decode ({e.Message}); data {Hex.Encode(raw)}", raw, null, null);
                }
            }
        }
        var selector = Hex.Encode(data[..Math.Min(4, data.Length)]);
        return new ContractRevertException($"execution reverted with unknown custom error {selector}; data {Hex.Encode(raw)}", raw, null, null);
    }

    private static string Describe(AbiError error, IReadOnlyDictionary<string, object?> arguments)
    {
        if (ReferenceEquals(error, AbiError.ErrorString)) return $"execution reverted: {arguments["message"]}";
        if (ReferenceEquals(error, AbiError.Panic))
        {
            var code = (BigInteger)arguments["code"]!;
            var hex = code.ToString("x").TrimStart('0').PadLeft(2, '0');
            return $"execution reverted: panic 0x{hex} ({PanicCodes.Describe(code)})";
        }
        var args = string.Join(", ", arguments.Select(kv => $"{kv.Key}={Format(kv.Value)}"));
        return $"execution reverted: {error.Name}({args})";
    }

    private static string Format(object? value) => value switch
    {
        byte[] b => Hex.Encode(b),
        object?[] items => "[" + string.Join(", ", items.Select(Format)) + "]",
        string s => $"\"{s}\"",
        null => "null",
        _ => value.ToString() ?? string.Empty,
    };

    private static T Find<T>(List<T> items, string key, Func<T, string> name, Func<T, string> signature, string kind)
    {
        var bySignature = key.Contains('(');
        var matches = items.Where(i => (bySignature ? signature(i) : name(i)) == key).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new AbiLookupException($"the ABI has no {kind} '{key}'"),
            _ => throw new AbiLookupException(
                $"{kind} '{key}' is overloaded ({string.Join(", ", matches.Select(signature))}); pass the signature"),
        };
    }
}
