using System.Numerics;
using Trace.Crypto;
using Trace.Node.Evm.Eip712;

namespace Trace.Node.Tests.Evm.Eip712;

public class TypedDataEncoderTests
{
    private static readonly TypedDataEncoder Encoder = new(new Dictionary<string, IReadOnlyList<TypedDataField>>
    {
        ["Batch"] = [new("items", "Item[]"), new("tags", "bytes32[]"), new("note", "bytes"), new("owner", "Party")],
        ["Item"] = [new("gtin", "string"), new("qty", "uint256")],
        ["Party"] = [new("wallet", "address")],
        ["Unused"] = [new("x", "bool")],
    });

    [Fact]
    public void Encode_type_lists_referenced_types_sorted_after_the_primary_type() =>
        Assert.Equal("Batch(Item[] items,bytes32[] tags,bytes note,Party owner)Item(string gtin,uint256 qty)Party(address wallet)",
            Encoder.EncodeType("Batch"));

    [Fact]
    public void Arrays_of_structs_and_atomics_hash_the_concatenated_encodings()
    {
        var item = new Dictionary<string, object?> { ["gtin"] = "09506000134352", ["qty"] = new BigInteger(5) };
        var party = new Dictionary<string, object?> { ["wallet"] = EthereumAddress.Zero };
        var tag = Keccak256.HashUtf8("t");
        var batch = new Dictionary<string, object?> { ["items"] = new[] { item, item }, ["tags"] = new[] { tag }, ["note"] = new byte[] { 1, 2 }, ["owner"] = party };

        var itemHash = Encoder.HashStruct("Item", item);
        var expected = Keccak256.Hash([
            .. Encoder.TypeHash("Batch"),
            .. Keccak256.Hash([.. itemHash, .. itemHash]),
            .. Keccak256.Hash(tag),
            .. Keccak256.Hash(new byte[] { 1, 2 }),
            .. Encoder.HashStruct("Party", party),
        ]);
        Assert.Equal(Hex.Encode(expected), Hex.Encode(Encoder.HashStruct("Batch", batch)));
    }

    [Fact]
    public void Missing_fields_and_unknown_types_are_reported()
    {
        Assert.Throws<Eip712Exception>(() => Encoder.HashStruct("Item", new Dictionary<string, object?> { ["gtin"] = "x" }));
        Assert.Throws<Eip712Exception>(() => new TypedDataEncoder(new Dictionary<string, IReadOnlyList<TypedDataField>> { ["A"] = [new("b", "B")] }));
        Assert.Throws<Eip712Exception>(() => Encoder.HashStruct("Item", new Dictionary<string, object?> { ["gtin"] = "x", ["qty"] = -1 }));
    }
}
