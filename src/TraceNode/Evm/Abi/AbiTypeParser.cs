namespace Trace.Node.Evm.Abi;

/// <summary>Recursive-descent parser for ABI type names: base types, tuples "(…)" / "tuple(…)", and array suffixes.</summary>
internal static class AbiTypeParser
{
    public static AbiType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var position = 0;
        var type = ParseType(name, ref position);
        if (position != name.Length) throw Error(name, $"unexpected '{name[position]}' at {position}");
        return type;
    }

    /// <summary>Parses "(T1,T2,…)" starting at an opening parenthesis; used for signatures too.</summary>
    public static IReadOnlyList<AbiType> ParseList(string text, ref int position)
    {
        if (position >= text.Length || text[position] != '(') throw Error(text, $"expected '(' at {position}");
        position++;
        var items = new List<AbiType>();
        if (position < text.Length && text[position] == ')')
        {
            position++;
            return items;
        }
        while (true)
        {
            items.Add(ParseType(text, ref position));
            if (position >= text.Length) throw Error(text, "missing ')'");
            var c = text[position++];
            if (c == ')') return items;
            if (c != ',') throw Error(text, $"expected ',' or ')' at {position - 1}");
        }
    }

    private static AbiType ParseType(string text, ref int position)
    {
        AbiType type;
        if (text.AsSpan(position).StartsWith("tuple(")) position += 5;
        if (position < text.Length && text[position] == '(')
        {
            type = new AbiTupleType(ParseList(text, ref position));
        }
        else
        {
            var start = position;
            while (position < text.Length && char.IsAsciiLetterOrDigit(text[position])) position++;
            type = ParseBase(text, text[start..position]);
        }
        return ParseSuffixes(text, ref position, type);
    }

    /// <summary>Builds a type from a JSON ABI "type" string whose base is "tuple", using already-parsed components.</summary>
    public static AbiType ApplyArraySuffixes(string text, int position, AbiType type)
    {
        type = ParseSuffixes(text, ref position, type);
        if (position != text.Length) throw Error(text, $"unexpected '{text[position]}' at {position}");
        return type;
    }

    private static AbiType ParseSuffixes(string text, ref int position, AbiType type)
    {
        while (position < text.Length && text[position] == '[')
        {
            var close = text.IndexOf(']', position);
            if (close < 0) throw Error(text, "missing ']'");
            var digits = text.AsSpan(position + 1, close - position - 1);
            int? length = null;
            if (!digits.IsEmpty)
            {
                if (!int.TryParse(digits, System.Globalization.NumberStyles.None, null, out var k) || (digits.Length > 1 && digits[0] == '0'))
                    throw Error(text, $"bad array length '{digits}'");
                length = k;
            }
            type = new AbiArrayType(type, length);
            position = close + 1;
        }
        return type;
    }

    private static AbiType ParseBase(string text, string name)
    {
        switch (name)
        {
            case "address": return AbiAddressType.Instance;
            case "bool": return AbiBoolType.Instance;
            case "string": return AbiStringType.Instance;
            case "bytes": return AbiBytesType.Instance;
            case "uint": return new AbiIntegerType(256, false);
            case "int": return new AbiIntegerType(256, true);
            case "": throw Error(text, "missing type name");
        }
        if (TrySuffix(name, "uint", out var bits) && bits is >= 8 and <= 256 && bits % 8 == 0) return new AbiIntegerType(bits, false);
        if (TrySuffix(name, "int", out bits) && bits is >= 8 and <= 256 && bits % 8 == 0) return new AbiIntegerType(bits, true);
        if (TrySuffix(name, "bytes", out var size) && size is >= 1 and <= 32) return new AbiFixedBytesType(size);
        throw Error(text, $"unknown type '{name}'");
    }

    private static bool TrySuffix(string name, string prefix, out int number)
    {
        number = 0;
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || name.Length == prefix.Length) return false;
        var digits = name.AsSpan(prefix.Length);
        return digits[0] != '0' && int.TryParse(digits, System.Globalization.NumberStyles.None, null, out number);
    }

    private static AbiFormatException Error(string text, string detail) => new($"invalid ABI type '{text}': {detail}");
}
