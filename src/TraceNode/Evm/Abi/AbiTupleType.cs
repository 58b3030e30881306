namespace Trace.Node.Evm.Abi;

/// <summary>A tuple (struct) of component types, optionally with component names from a JSON ABI; values are object?[].</summary>
public sealed class AbiTupleType : AbiType
{
    private readonly AbiType[] _components;
    private readonly int _headSize;

    public AbiTupleType(IReadOnlyList<AbiType> components, IReadOnlyList<string>? names = null)
    {
        if (names is not null && names.Count != components.Count)
            throw new AbiFormatException($"tuple has {components.Count} components but {names.Count} names");
        _components = [.. components];
        Names = names is null ? [.. Enumerable.Repeat(string.Empty, components.Count)] : [.. names];
        CanonicalName = "(" + string.Join(",", _components.Select(c => c.CanonicalName)) + ")";
        IsDynamic = _components.Any(c => c.IsDynamic);
        _headSize = IsDynamic ? AbiWord.Size : _components.Sum(c => c.HeadSize);
    }

    /// <summary>The component types in order.</summary>
    public IReadOnlyList<AbiType> Components => _components;

    /// <summary>Component names ("" when unnamed).</summary>
    public IReadOnlyList<string> Names { get; }

    public override string CanonicalName { get; }
    public override bool IsDynamic { get; }
    public override int HeadSize => _headSize;

    internal override object Normalize(object? value)
    {
        var items = AbiSequence.ToArray(value, CanonicalName);
        if (items.Length != _components.Length)
            AbiWord.ThrowEncoding($"{CanonicalName} expects {_components.Length} values, got {items.Length}");
        var normalized = new object[items.Length];
        for (var i = 0; i < items.Length; i++) normalized[i] = _components[i].Normalize(items[i]);
        return normalized;
    }

    internal override int GetEncodedSize(object normalized) => AbiSequence.EncodedSize(i => _components[i], (object[])normalized);

    internal override void Write(object normalized, Span<byte> destination) => AbiSequence.Write(i => _components[i], (object[])normalized, destination);

    internal override object Read(ReadOnlySpan<byte> data, int position) =>
        AbiSequence.Read(i => _components[i], _components.Length, data, position, CanonicalName);
}
