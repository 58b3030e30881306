namespace Trace.Node.Evm.Abi;

/// <summary>T[k] (fixed length) or T[] (dynamic length); values are object?[] (encode accepts any IEnumerable).</summary>
public sealed class AbiArrayType : AbiType
{
    public AbiArrayType(AbiType element, int? length)
    {
        if (length is < 0) throw new AbiFormatException($"array length must not be negative, got {length}");
        if (element.HeadSize == 0) throw new AbiFormatException("arrays of empty tuples are not supported");
        Element = element;
        Length = length;
        CanonicalName = element.CanonicalName + (length is { } k ? $"[{k}]" : "[]");
        IsDynamic = length is null || element.IsDynamic;
        var head = IsDynamic ? AbiWord.Size : (long)element.HeadSize * length!.Value;
        if (head > int.MaxValue / 2) throw new AbiFormatException($"{CanonicalName} is too large to encode");
        HeadSize = (int)head;
    }

    /// <summary>The element type.</summary>
    public AbiType Element { get; }

    /// <summary>k for T[k]; null for T[].</summary>
    public int? Length { get; }

    public override string CanonicalName { get; }
    public override bool IsDynamic { get; }
    public override int HeadSize { get; }

    internal override object Normalize(object? value)
    {
        var items = AbiSequence.ToArray(value, CanonicalName);
        if (Length is { } k && items.Length != k) AbiWord.ThrowEncoding($"{CanonicalName} expects {k} elements, got {items.Length}");
        var normalized = new object[items.Length];
        for (var i = 0; i < items.Length; i++) normalized[i] = Element.Normalize(items[i]);
        return normalized;
    }

    internal override int GetEncodedSize(object normalized)
    {
        var size = AbiSequence.EncodedSize(_ => Element, (object[])normalized);
        return Length is null ? checked(size + AbiWord.Size) : size;
    }

    internal override void Write(object normalized, Span<byte> destination)
    {
        var items = (object[])normalized;
        if (Length is null)
        {
            AbiWord.WriteLength(items.Length, destination);
            destination = destination[AbiWord.Size..];
        }
        AbiSequence.Write(_ => Element, items, destination);
    }

    internal override object Read(ReadOnlySpan<byte> data, int position)
    {
        var count = Length ?? 0;
        if (Length is null)
        {
            // Every element needs at least its head, so the length is bounded by the
            // remaining data before anything is allocated.
            var remaining = data.Length - position - AbiWord.Size;
            var count64 = AbiWord.ReadLength(data, position, int.MaxValue, $"{CanonicalName} length");
            if ((long)count64 * Element.HeadSize > remaining)
                AbiWord.ThrowDecoding($"{CanonicalName} length {count64} at byte {position} exceeds the remaining {remaining} bytes");
            count = count64;
            position += AbiWord.Size;
        }
        else if (position < 0 || (long)count * Element.HeadSize > data.Length - position)
        {
            AbiWord.ThrowDecoding($"data too short for {CanonicalName} at byte {position}");
        }
        return AbiSequence.Read(_ => Element, count, data, position, CanonicalName);
    }
}
