using System.Numerics;
using System.Reflection;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Trace.Chain.Rpc;
using Trace.Crypto;

namespace Trace.Chain.Contracts;

/// <summary>
/// One compiled contract as Trace talks to it: its creation bytecode and the typed Nethereum error and event DTOs of its
/// ABI (written by scripts/contract-dtos.py), so reverts decode into error DTOs and logs into event DTOs by selector.
/// </summary>
public sealed class ContractDefinition
{
    private static readonly byte[] ErrorStringSelector = [0x08, 0xc3, 0x79, 0xa0];
    private static readonly byte[] PanicSelector = [0x4e, 0x48, 0x7b, 0x71];
    private readonly Dictionary<string, Type> _errors;
    private readonly Dictionary<string, Type> _events;
    private readonly Lazy<byte[]> _bytecode;

    private ContractDefinition(string name, IEnumerable<Type> dtoTypes)
    {
        Name = name;
        _bytecode = new(() => ContractArtifact.Load(name).Bytecode);
        var types = dtoTypes.ToArray();
        _errors = types.Where(ErrorAttribute.IsErrorType).ToDictionary(t => ABITypedRegistry.GetError(t).Sha3Signature.ToLowerInvariant());
        _events = types.Where(EventAttribute.IsEventType).ToDictionary(t => ABITypedRegistry.GetEvent(t).Sha3Signature.ToLowerInvariant());
    }

    /// <summary>The contract's name, as its artifact (e.g. "EvidenceRegistry").</summary>
    public string Name { get; }

    /// <summary>Creation bytecode (constructor + runtime) from the embedded artifact.</summary>
    public byte[] Bytecode => _bytecode.Value;

    /// <summary>A definition whose DTOs are the public types of <paramref name="dtoNamespace"/> in <paramref name="assembly"/>.</summary>
    public static ContractDefinition FromNamespace(string name, Assembly assembly, string dtoNamespace)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return new(name, assembly.GetTypes().Where(t => t.Namespace == dtoNamespace));
    }

    /// <summary>topic0 of the event DTO <typeparamref name="TEvent"/> (keccak256 of its signature).</summary>
    public static byte[] Topic0<TEvent>() where TEvent : IEventDTO => Hex.Decode(ABITypedRegistry.GetEvent<TEvent>().Sha3Signature);

    /// <summary>Decodes a log this contract emitted into its event DTO; null when the log is not one of its events.</summary>
    public ContractEvent? DecodeEvent(LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Topics.Count == 0 || !_events.TryGetValue(Hex.Encode(log.Topics[0], prefix: false), out var type)) return null;
        var topics = log.Topics.Select(t => (object)Hex.Encode(t)).ToArray();
        var decode = typeof(EventTopicDecoder).GetMethods()
            .Single(m => m.Name == nameof(EventTopicDecoder.DecodeTopics) && m.IsGenericMethod && m.GetParameters().Length == 3)
            .MakeGenericMethod(type);
        var dto = decode.Invoke(new EventTopicDecoder(), [Activator.CreateInstance(type), topics, Hex.Encode(log.Data)])!;
        return new ContractEvent(EventAttribute.GetAttribute(type).Name, dto, AbiValues.Arguments(dto), log);
    }

    /// <summary>Decodes revert data: a custom error of this contract into its DTO, Error(string), Panic(uint256), or unknown.</summary>
    public ContractRevertException DecodeRevert(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length < 4) return new ContractRevertException(data.Length == 0 ? "reverted without data" : "reverted with malformed data", data, null, null, null, null);
        var selector = data.AsSpan(0, 4);
        var hex = Hex.Encode(data);
        if (selector.SequenceEqual(ErrorStringSelector))
        {
            var reason = new FunctionCallDecoder().DecodeFunctionErrorMessage(hex);
            return new ContractRevertException(reason, data, "Error", "Error(string)", null, new Dictionary<string, object?> { ["message"] = reason });
        }
        if (selector.SequenceEqual(PanicSelector) && data.Length >= 36)
        {
            var code = new BigInteger(data.AsSpan(4, 32), isUnsigned: true, isBigEndian: true);
            return new ContractRevertException($"panic 0x{code:x2}: {PanicCodes.Describe(code)}", data, "Panic", "Panic(uint256)", null,
                new Dictionary<string, object?> { ["code"] = code });
        }
        if (_errors.TryGetValue(Hex.Encode(selector, prefix: false), out var type))
        {
            var error = new FunctionCallDecoder().DecodeError(type, Hex.Encode(data.AsSpan(4))); // the arguments, after the selector
            var name = ErrorAttribute.GetAttribute(type).Name;
            var arguments = AbiValues.Arguments(error);
            var message = $"{name}({string.Join(", ", arguments.Select(a => $"{a.Key}={Describe(a.Value)}"))})";
            return new ContractRevertException(message, data, name, AbiValues.Signature(name, type), error, arguments);
        }
        return new ContractRevertException($"unknown error {Hex.Encode(selector)}", data, null, null, null, null);
    }

    private static string Describe(object? value) => value switch
    {
        byte[] bytes => Hex.Encode(bytes),
        object?[] items => $"[{string.Join(", ", items.Select(Describe))}]",
        null => "null",
        _ => value.ToString() ?? "",
    };
}
