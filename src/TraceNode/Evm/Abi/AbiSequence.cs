using System.Collections;

namespace Trace.Node.Evm.Abi;

/// <summary>Head/tail layout shared by tuples and arrays: static parts inline, dynamic parts behind offsets.</summary>
internal static class AbiSequence
{
    public static object?[] ToArray(object? value, string typeName)
    {
        if (value is object?[] array) return array;
        if (value is string or null || value is not IEnumerable enumerable)
            throw new AbiEncodingException($"{typeName} expects an array or list, got {AbiWord.Describe(value)}");
        var list = new List<object?>();
        foreach (var item in enumerable) list.Add(item);
        return [.. list];
    }

    public static int HeadSize(IReadOnlyList<AbiType> types)
    {
        var size = 0;
        foreach (var t in types) size += t.HeadSize;
        return size;
    }

    public static int EncodedSize(Func<int, AbiType> typeAt, object[] values)
    {
        long size = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var type = typeAt(i);
            size += type.IsDynamic ? AbiWord.Size + type.GetEncodedSize(values[i]) : type.HeadSize;
        }
        if (size > Array.MaxLength) AbiWord.ThrowEncoding($"encoding would be {size} bytes, too large");
        return (int)size;
    }

    public static void Write(Func<int, AbiType> typeAt, object[] values, Span<byte> destination)
    {
        var head = 0;
        for (var i = 0; i < values.Length; i++) head += typeAt(i).HeadSize;
        var tail = head;
        var position = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var type = typeAt(i);
            if (type.IsDynamic)
            {
                AbiWord.WriteLength(tail, destination[position..]);
                var size = type.GetEncodedSize(values[i]);
                type.Write(values[i], destination.Slice(tail, size));
                tail += size;
                position += AbiWord.Size;
            }
            else
            {
                type.Write(values[i], destination.Slice(position, type.HeadSize));
                position += type.HeadSize;
            }
        }
    }

    /// <summary>Reads <paramref name="count"/> values laid out from <paramref name="start"/>; offsets are relative to start.</summary>
    public static object[] Read(Func<int, AbiType> typeAt, int count, ReadOnlySpan<byte> data, int start, string typeName)
    {
        if (start < 0 || start > data.Length) AbiWord.ThrowDecoding($"{typeName} starts at byte {start}, past the end of the data ({data.Length})");
        var region = data[start..];
        var result = new object[count];
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            var type = typeAt(i);
            if (type.IsDynamic)
            {
                var offset = AbiWord.ReadLength(region, position, region.Length, $"offset of {typeName} item {i}");
                result[i] = type.Read(region, offset);
                position += AbiWord.Size;
            }
            else
            {
                result[i] = type.Read(region, position);
                position += type.HeadSize;
            }
        }
        return result;
    }
}
