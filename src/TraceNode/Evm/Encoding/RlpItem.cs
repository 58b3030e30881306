using Trace.Crypto;

namespace Trace.Node.Evm.Encoding;

/// <summary>A decoded RLP value: a byte string or a list of items.</summary>
public sealed class RlpItem
{
    /// <summary>Deepest list nesting accepted by <see cref="Rlp.Decode"/>; bounds recursion on hostile input.</summary>
    public const int MaxDepth = 1024;

    private readonly byte[]? _bytes;
    private readonly RlpItem[]? _items;

    private RlpItem(byte[]? bytes, RlpItem[]? items, int encodedLength)
    {
        _bytes = bytes;
        _items = items;
        EncodedLength = encodedLength;
    }

    /// <summary>True for a list, false for a byte string.</summary>
    public bool IsList => _items is not null;

    /// <summary>The payload of a byte string.</summary>
    /// <exception cref="RlpException">the item is a list.</exception>
    public byte[] Bytes => _bytes ?? throw new RlpException("expected a byte string, found a list");

    /// <summary>The items of a list.</summary>
    /// <exception cref="RlpException">the item is a byte string.</exception>
    public IReadOnlyList<RlpItem> Items => _items ?? throw new RlpException("expected a list, found a byte string");

    /// <summary>Length of this item's RLP encoding.</summary>
    public int EncodedLength { get; }

    /// <summary>A byte-string item (the bytes are copied).</summary>
    public static RlpItem String(ReadOnlySpan<byte> bytes) => new(bytes.ToArray(), null, Rlp.LengthOfBytes(bytes));

    /// <summary>A list item.</summary>
    public static RlpItem List(params RlpItem[] items)
    {
        var content = 0;
        foreach (var item in items) content += item.EncodedLength;
        return new RlpItem(null, items, Rlp.LengthOfList(content));
    }

    internal void WriteTo(ref RlpWriter writer)
    {
        if (_bytes is not null)
        {
            writer.WriteBytes(_bytes);
            return;
        }
        writer.WriteListHeader(EncodedLength - Rlp.HeaderLength(ContentLength()));
        foreach (var item in _items!) item.WriteTo(ref writer);
    }

    internal static RlpItem ReadFrom(ref RlpReader reader, int depth)
    {
        if (!reader.NextIsList) return String(reader.ReadBytes());
        if (depth >= MaxDepth) throw new RlpException($"RLP lists nested deeper than {MaxDepth}");
        var inner = reader.ReadList();
        var items = new List<RlpItem>();
        while (!inner.IsAtEnd) items.Add(ReadFrom(ref inner, depth + 1));
        return List([.. items]);
    }

    private int ContentLength()
    {
        var content = 0;
        foreach (var item in _items!) content += item.EncodedLength;
        return content;
    }

    public override string ToString() =>
        _bytes is not null ? Hex.Encode(_bytes) : "[" + string.Join(", ", _items!.Select(i => i.ToString())) + "]";
}
