using Trace.Crypto;
using Trace.Node.Evm.Abi;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Evm.Abi;

public class AbiVectorTests
{
    public static TheoryData<int> EncodeCases() => Indexes("abi.json", "encode");
    public static TheoryData<int> CallCases() => Indexes("abi.json", "calls");

    public static TheoryData<string> EthereumTestCases()
    {
        using var doc = VectorFiles.Load("ethereum-tests/ABITests/basic_abi_tests.json");
        var data = new TheoryData<string>();
        foreach (var p in doc.RootElement.EnumerateObject()) data.Add(p.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(EncodeCases))]
    public void Encode_matches_ethers_and_decodes_back(int index)
    {
        using var doc = VectorFiles.Load("abi.json");
        var c = doc.RootElement.GetProperty("encode")[index];
        var types = c.GetProperty("types").EnumerateArray().Select(t => AbiType.Parse(t.GetString()!)).ToArray();
        var values = c.GetProperty("values").EnumerateArray().Select((v, i) => AbiTestValues.FromJson(types[i], v)).ToArray();

        var encoded = AbiEncoder.Encode(types, values);

        Assert.Equal(c.GetProperty("encoded").GetString(), Hex.Encode(encoded));
        AbiTestValues.AssertDeepEqual(values, AbiDecoder.Decode(types, encoded));
    }

    [Theory]
    [MemberData(nameof(CallCases))]
    public void Call_data_matches_ethers(int index)
    {
        using var doc = VectorFiles.Load("abi.json");
        var c = doc.RootElement.GetProperty("calls")[index];
        var function = AbiFunction.FromSignature(c.GetProperty("signature").GetString()!);
        var args = c.GetProperty("args").EnumerateArray().Select((v, i) => AbiTestValues.FromJson(function.Inputs[i].Type, v)).ToArray();

        var data = function.EncodeCall(args);

        Assert.Equal(c.GetProperty("signature").GetString(), function.Signature);
        Assert.Equal(c.GetProperty("selector").GetString(), function.SelectorHex);
        Assert.Equal(c.GetProperty("data").GetString(), Hex.Encode(data));
        AbiTestValues.AssertDeepEqual(args, function.DecodeCall(data));
    }

    [Fact]
    public void Event_log_decodes_to_the_named_values_ethers_gives()
    {
        using var doc = VectorFiles.Load("abi.json");
        var c = doc.RootElement.GetProperty("events")[0];
        var abi = ContractAbi.Parse("""
            [{"type":"event","name":"BatchAnchored","anonymous":false,"inputs":[
              {"name":"root","type":"bytes32","indexed":true},{"name":"operator","type":"address","indexed":true},
              {"name":"count","type":"uint32","indexed":false},{"name":"uri","type":"string","indexed":false}]}]
            """);
        var evt = abi.Event("BatchAnchored");
        var topics = c.GetProperty("topics").EnumerateArray().Select(t => Hex.Decode(t.GetString()!)).ToList();

        var decoded = evt.DecodeLog(topics, Hex.Decode(c.GetProperty("data").GetString()!));

        Assert.Equal(c.GetProperty("signature").GetString(), evt.Signature);
        Assert.Equal(c.GetProperty("topic0").GetString(), evt.Topic0Hex);
        var expected = c.GetProperty("decoded");
        Assert.Equal(["root", "operator", "count", "uri"], decoded.Keys);
        foreach (var input in evt.Inputs)
            AbiTestValues.AssertDeepEqual(AbiTestValues.FromJson(input.Type, expected.GetProperty(input.Name)), decoded[input.Name]);
        Assert.Same(evt, abi.EventByTopic(topics[0]));
    }

    [Fact]
    public void Custom_error_selector_and_revert_data_match_ethers()
    {
        using var doc = VectorFiles.Load("abi.json");
        var c = doc.RootElement.GetProperty("errors")[0];
        var abi = ContractAbi.Parse("""[{"type":"error","name":"AlreadyAnchored","inputs":[{"name":"root","type":"bytes32"}]}]""");
        var data = Hex.Decode(c.GetProperty("data").GetString()!);

        var revert = abi.DecodeRevert(data);

        Assert.Equal(c.GetProperty("signature").GetString(), revert.Signature);
        Assert.Equal(c.GetProperty("selector").GetString(), abi.Error("AlreadyAnchored").SelectorHex);
        Assert.Equal("AlreadyAnchored", revert.ErrorName);
        Assert.Equal(Hex.Encode(data[4..]), Hex.Encode((byte[])revert.Arguments["root"]!));
        Assert.Equal(Hex.Encode(data), Hex.Encode(abi.Error("AlreadyAnchored").Encode(data[4..])));
    }

    [Theory]
    [MemberData(nameof(EthereumTestCases))]
    public void Ethereum_tests_ABI_cases_encode_to_the_expected_bytes(string name)
    {
        using var doc = VectorFiles.Load("ethereum-tests/ABITests/basic_abi_tests.json");
        var c = doc.RootElement.GetProperty(name);
        var types = c.GetProperty("types").EnumerateArray().Select(t => AbiType.Parse(t.GetString()!)).ToArray();
        var values = c.GetProperty("args").EnumerateArray().Select((v, i) => AbiTestValues.FromJson(types[i], v)).ToArray();

        var encoded = AbiEncoder.Encode(types, values);

        Assert.Equal(c.GetProperty("result").GetString(), Hex.Encode(encoded, prefix: false));
        AbiTestValues.AssertDeepEqual(values, AbiDecoder.Decode(types, encoded));
    }

    private static TheoryData<int> Indexes(string file, string section)
    {
        using var doc = VectorFiles.Load(file);
        var data = new TheoryData<int>();
        for (var i = 0; i < doc.RootElement.GetProperty(section).GetArrayLength(); i++) data.Add(i);
        return data;
    }
}
