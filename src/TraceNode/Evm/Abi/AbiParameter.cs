namespace Trace.Node.Evm.Abi;

/// <summary>A named input or output of a function, event or error ("" when unnamed); Indexed applies to event inputs.</summary>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false, string? InternalType = null)
{
    /// <summary>The key used for this parameter in decoded maps: its name, or "arg{index}" when unnamed.</summary>
    internal string KeyAt(int index) => Name.Length > 0 ? Name : $"arg{index}";

    internal static string Signature(string name, IReadOnlyList<AbiParameter> parameters) =>
        name + "(" + string.Join(",", parameters.Select(p => p.Type.CanonicalName)) + ")";

    /// <summary>Parses "name(T1,T2)" into a name and unnamed parameters.</summary>
    internal static (string Name, AbiParameter[] Parameters) ParseSignature(string signature)
    {
        var open = signature.IndexOf('(');
        if (open <= 0) throw new AbiFormatException($"invalid signature '{signature}': expected name(types)");
        var name = signature[..open];
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$')) throw new AbiFormatException($"invalid signature '{signature}': bad name '{name}'");
        var position = open;
        var types = AbiTypeParser.ParseList(signature, ref position);
        if (position != signature.Length) throw new AbiFormatException($"invalid signature '{signature}': text after ')'");
        return (name, [.. types.Select(t => new AbiParameter(string.Empty, t))]);
    }
}
