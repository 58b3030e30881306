using System.Text.Json;
using Trace.Crypto;
using Trace.Node.Evm.Encoding;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Evm.Encoding;

public class RlpVectorTests
{
    public static TheoryData<int> Cases()
    {
        using var doc = VectorFiles.Load("rlp.json");
        var data = new TheoryData<int>();
        for (var i = 0; i < doc.RootElement.GetProperty("cases").GetArrayLength(); i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encode_matches_ethereumjs_and_decode_round_trips(int index)
    {
        using var doc = VectorFiles.Load("rlp.json");
        var entry = doc.RootElement.GetProperty("cases")[index];
        var item = ToItem(entry.GetProperty("input"));
        var expected = entry.GetProperty("encoded").GetString()!;

        var encoded = Rlp.Encode(item);

        Assert.Equal(expected, Hex.Encode(encoded));
        Assert.Equal(expected, Hex.Encode(Rlp.Encode(Rlp.Decode(encoded))));
        Assert.Equal(item.ToString(), Rlp.Decode(encoded).ToString());
    }

    private static RlpItem ToItem(JsonElement input) => input.ValueKind == JsonValueKind.Array
        ? RlpItem.List([.. input.EnumerateArray().Select(ToItem)])
        : RlpItem.String(Hex.Decode(input.GetString()!));
}
