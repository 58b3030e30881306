using System.Text.Json;
using Nethereum.RLP;
using Trace.Crypto;
using Trace.Tests.Support;

namespace Trace.Node.Tests.Evm.Encoding;

/// <summary>rlp.json (ethereumjs) against Nethereum.RLP, which encodes Trace's transactions.</summary>
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
    public void Nethereum_encodes_like_ethereumjs_and_decodes_back_to_the_same_bytes(int index)
    {
        using var doc = VectorFiles.Load("rlp.json");
        var entry = doc.RootElement.GetProperty("cases")[index];
        var expected = entry.GetProperty("encoded").GetString()!;

        var encoded = Encode(entry.GetProperty("input"));

        Assert.Equal(expected, Hex.Encode(encoded));
        Assert.Equal(expected, Hex.Encode(Reencode(RLP.Decode(encoded))));
    }

    private static byte[] Encode(JsonElement input) => input.ValueKind == JsonValueKind.Array
        ? RLP.EncodeList([.. input.EnumerateArray().Select(Encode)])
        : RLP.EncodeElement(Hex.Decode(input.GetString()!));

    private static byte[] Reencode(IRLPElement element) => element is RLPCollection list
        ? RLP.EncodeList([.. list.Select(Reencode)])
        : RLP.EncodeElement(element.RLPData ?? []);
}
