using Trace.Crypto;
using Trace.Node.Merkle;
using Trace.Tests.Support;

namespace Trace.Node.Tests.Merkle;

public class StandardMerkleTreeTests
{
    public static TheoryData<int> Cases()
    {
        using var doc = VectorFiles.Load("merkle.json");
        var data = new TheoryData<int>();
        for (var i = 0; i < doc.RootElement.GetProperty("cases").GetArrayLength(); i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Standard_tree_over_bytes32_values_gives_the_same_root(int index)
    {
        using var doc = VectorFiles.Load("merkle.json");
        var c = doc.RootElement.GetProperty("cases")[index];
        var values = c.GetProperty("values").EnumerateArray().Select(v => Hex.Decode(v.GetString()!)).ToArray();

        var tree = StandardMerkleTree.Of(values.Select(v => (IReadOnlyList<object?>)[v]).ToList(), ["bytes32"]);

        Assert.Equal(c.GetProperty("root").GetString(), Hex.Encode(tree.Root));
        var expected = c.GetProperty("proofs")[values.Length - 1].EnumerateArray().Select(p => p.GetString());
        Assert.Equal(expected, tree.GetProof(values.Length - 1).Select(p => Hex.Encode(p)));
    }
}
