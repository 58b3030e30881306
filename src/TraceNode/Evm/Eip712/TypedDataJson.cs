using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Trace.Crypto;
using Trace.Crypto.Eip712;

namespace Trace.Node.Evm.Eip712;

/// <summary>Converts the JSON typed-data form into the CLR values the encoder takes, guided by the declared types.</summary>
internal static class TypedDataJson
{
    public static TypedData Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new Eip712Exception("typed data must be a JSON object");
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>();
        foreach (var type in Required(root, "types").EnumerateObject())
            types[type.Name] = [.. type.Value.EnumerateArray().Select(f =>
                new TypedDataField(Required(f, "name").GetString()!, Required(f, "type").GetString()!))];
        var primaryType = Required(root, "primaryType").GetString() ?? throw new Eip712Exception("primaryType must be a string");
        if (!types.ContainsKey(primaryType)) throw new Eip712Exception($"primaryType '{primaryType}' is not among the types");
        var message = Struct(primaryType, Required(root, "message"), types, "message");
        return new TypedData(ReadDomain(Required(root, "domain")), types, primaryType, message);
    }

    private static Eip712Domain ReadDomain(JsonElement d)
    {
        string? Text(string name) => d.TryGetProperty(name, out var v) ? v.GetString() : null;
        return new Eip712Domain(
            Text("name"),
            Text("version"),
            d.TryGetProperty("chainId", out var chainId) ? Integer(chainId, "domain.chainId") : null,
            Text("verifyingContract") is { } contract ? Address(contract, "domain.verifyingContract") : null,
            Text("salt") is { } salt ? Hex.Decode(salt) : null);
    }

    private static Dictionary<string, object?> Struct(string type, JsonElement value, Dictionary<string, IReadOnlyList<TypedDataField>> types, string path)
    {
        if (value.ValueKind != JsonValueKind.Object) throw new Eip712Exception($"{path} ({type}) must be an object");
        var result = new Dictionary<string, object?>();
        foreach (var field in types[type])
        {
            if (!value.TryGetProperty(field.Name, out var member)) throw new Eip712Exception($"{path} has no field '{field.Name}'");
            result[field.Name] = Value(field.Type, member, types, $"{path}.{field.Name}");
        }
        return result;
    }

    private static object? Value(string type, JsonElement value, Dictionary<string, IReadOnlyList<TypedDataField>> types, string path)
    {
        if (type.EndsWith(']'))
        {
            if (value.ValueKind != JsonValueKind.Array) throw new Eip712Exception($"{path} ({type}) must be an array");
            var element = type[..type.LastIndexOf('[')];
            return value.EnumerateArray().Select((v, i) => Value(element, v, types, $"{path}[{i}]")).ToArray();
        }
        if (types.ContainsKey(type)) return Struct(type, value, types, path);
        try
        {
            return type switch
            {
                "string" => value.GetString(),
                "bool" => value.GetBoolean(),
                "address" => Address(value.GetString()!, path),
                _ when type.StartsWith("uint", StringComparison.Ordinal) || type.StartsWith("int", StringComparison.Ordinal) => Integer(value, path),
                _ when type.StartsWith("bytes", StringComparison.Ordinal) => Hex.Decode(value.GetString()!),
                _ => throw new Eip712Exception($"{path} has unknown type '{type}'"),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException and not Eip712Exception)
        {
            throw new Eip712Exception($"{path} ({type}): {e.Message}", e);
        }
    }

    private static BigInteger Integer(JsonElement value, string path)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString()!,
            _ => throw new Eip712Exception($"{path} must be a number or a numeric string"),
        };
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return integer;
        throw new Eip712Exception($"{path} value '{text}' is not an integer");
    }

    private static EthereumAddress Address(string text, string path)
    {
        try
        {
            return EthereumAddress.Parse(text);
        }
        catch (InvalidAddressException e)
        {
            throw new Eip712Exception($"{path}: {e.Message}", e);
        }
    }

    private static JsonElement Required(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new Eip712Exception($"typed data has no '{name}'");
}
