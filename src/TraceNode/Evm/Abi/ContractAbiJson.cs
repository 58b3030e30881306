using System.Text.Json;

namespace Trace.Node.Evm.Abi;

/// <summary>Reads the JSON ABI format (solc "abi" array) into parameters and members.</summary>
internal static class ContractAbiJson
{
    public static AbiParameter[] ReadParameters(JsonElement item, string property)
    {
        if (!item.TryGetProperty(property, out var list) || list.ValueKind == JsonValueKind.Null) return [];
        if (list.ValueKind != JsonValueKind.Array) throw new AbiFormatException($"ABI '{property}' must be an array");
        return [.. list.EnumerateArray().Select(ReadParameter)];
    }

    private static AbiParameter ReadParameter(JsonElement p)
    {
        var name = OptionalString(p, "name") ?? string.Empty;
        var typeText = OptionalString(p, "type") ?? throw new AbiFormatException($"ABI parameter '{name}' has no type");
        var indexed = p.TryGetProperty("indexed", out var ix) && ix.ValueKind == JsonValueKind.True;
        return new AbiParameter(name, ReadType(typeText, p), indexed, OptionalString(p, "internalType"));
    }

    private static AbiType ReadType(string typeText, JsonElement p)
    {
        if (!typeText.StartsWith("tuple", StringComparison.Ordinal)) return AbiType.Parse(typeText);
        var components = ReadParameters(p, "components");
        var tuple = new AbiTupleType([.. components.Select(c => c.Type)], [.. components.Select(c => c.Name)]);
        return AbiTypeParser.ApplyArraySuffixes(typeText, "tuple".Length, tuple);
    }

    public static string? OptionalString(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string RequiredName(JsonElement item, string kind) =>
        OptionalString(item, "name") is { Length: > 0 } name ? name : throw new AbiFormatException($"ABI {kind} entry has no name");
}
