using System.Collections;
using System.Numerics;
using System.Reflection;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Trace.Crypto;

namespace Trace.Chain.Contracts;

/// <summary>
/// Reads a Nethereum DTO's [Parameter] properties as named values in Trace's types (addresses as
/// <see cref="EthereumAddress"/>, integers as <see cref="BigInteger"/>, tuples and arrays as object arrays), for error
/// messages and generic inspection of decoded events and errors.
/// </summary>
internal static class AbiValues
{
    public static IReadOnlyDictionary<string, object?> Arguments(object dto)
    {
        var arguments = new Dictionary<string, object?>();
        foreach (var (name, type, value) in Parameters(dto)) arguments[name] = Convert(value, type);
        return arguments;
    }

    /// <summary>The canonical signature, e.g. "ValueTooLarge(uint256,uint256,address)".</summary>
    public static string Signature(string name, Type dtoType) =>
        $"{name}({string.Join(",", ParameterAttributes(dtoType).Select(p => p.Attribute.Type))})";

    private static IEnumerable<(string Name, string Type, object? Value)> Parameters(object dto) =>
        ParameterAttributes(dto.GetType()).Select(p => (p.Attribute.Name, p.Attribute.Type, p.Property.GetValue(dto)));

    private static IEnumerable<(PropertyInfo Property, ParameterAttribute Attribute)> ParameterAttributes(Type type) =>
        type.GetProperties()
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<ParameterAttribute>()))
            .Where(p => p.Attribute is not null)
            .OrderBy(p => p.Attribute!.Order)
            .Select(p => (p.Property, p.Attribute!));

    private static object? Convert(object? value, string abiType)
    {
        if (value is null) return null;
        if (abiType.EndsWith("[]", StringComparison.Ordinal))
            return ((IEnumerable)value).Cast<object?>().Select(v => Convert(v, abiType[..^2])).ToArray();
        if (abiType == "tuple") return Parameters(value).Select(p => Convert(p.Value, p.Type)).ToArray();
        if (abiType == "address") return EthereumAddress.Parse((string)value);
        if (abiType.StartsWith("uint", StringComparison.Ordinal) || abiType.StartsWith("int", StringComparison.Ordinal))
        {
            return value switch
            {
                BigInteger big => big,
                byte b => new BigInteger(b),
                ushort u16 => new BigInteger(u16),
                uint u32 => new BigInteger(u32),
                ulong u64 => new BigInteger(u64),
                int i32 => new BigInteger(i32),
                long i64 => new BigInteger(i64),
                _ => value,
            };
        }
        return value;
    }
}
