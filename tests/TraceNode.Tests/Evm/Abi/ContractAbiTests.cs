using System.Numerics;
using System.Text.Json;
using Trace.Crypto;
using Trace.Node.Evm.Abi;

namespace Trace.Node.Tests.Evm.Abi;

public class ContractAbiTests
{
    private static readonly EthereumAddress Caller = EthereumAddress.Parse("0xD8b3dE788570016369b5a5bDb612823691a4AF39");

    private static string ProbeArtifact()
    {
        using var stream = typeof(ContractAbi).Assembly.GetManifestResourceStream("Trace.Contracts.Probe.json")
            ?? throw new InvalidOperationException("Probe artifact is not embedded");
        return new StreamReader(stream).ReadToEnd();
    }

    [Fact]
    public void Every_probe_function_selector_matches_the_solc_method_identifiers()
    {
        var artifact = ProbeArtifact();
        var abi = ContractAbi.Parse(artifact);
        using var doc = JsonDocument.Parse(artifact);
        var identifiers = doc.RootElement.GetProperty("methodIdentifiers").EnumerateObject().ToList();

        Assert.Equal(identifiers.Count, abi.Functions.Count);
        foreach (var id in identifiers)
            Assert.Equal("0x" + id.Value.GetString(), abi.Function(id.Name).SelectorHex);
    }

    [Fact]
    public void Echo_output_decodes_into_clr_values()
    {
        var echo = ContractAbi.Parse(ProbeArtifact()).Function("echo");
        var values = new object?[] { Caller, true, new byte[] { 1, 2, 3 }, new object?[] { new BigInteger(5), new BigInteger(ulong.MaxValue) } };
        var output = AbiEncoder.Encode(echo.Outputs.Select(o => o.Type).ToList(), values);

        AbiTestValues.AssertDeepEqual(values, echo.DecodeOutput(output));
    }

    [Fact]
    public void Stored_event_decodes_indexed_value_types_from_topics()
    {
        var stored = ContractAbi.Parse(ProbeArtifact()).Event("Stored");
        var data = AbiEncoder.Encode(["string", "bytes32"], ["hello", new byte[32]]);
        var topics = new List<byte[]> { stored.Topic0.ToArray(), stored.EncodeTopic("by", Caller), stored.EncodeTopic("value", 42) };

        var log = stored.DecodeLog(topics, data);

        Assert.Equal("Stored(address,uint256,string,bytes32)", stored.Signature);
        Assert.Equal(["by", "value", "note", "tag"], log.Keys);
        Assert.Equal(Caller, log["by"]);
        Assert.Equal(new BigInteger(42), log["value"]);
        Assert.Equal("hello", log["note"]);
    }

    [Fact]
    public void Indexed_string_decodes_to_its_topic_hash()
    {
        var evt = new AbiEvent("Named", [new AbiParameter("name", AbiStringType.Instance, Indexed: true)]);
        var topic = evt.EncodeTopic("name", "trace");
        var log = evt.DecodeLog([evt.Topic0.ToArray(), topic], []);
        Assert.Equal(Hex.Encode(Keccak256.HashUtf8("trace")), Hex.Encode((byte[])log["name"]!));
    }

    [Fact]
    public void Log_with_the_wrong_topic0_is_rejected()
    {
        var stored = ContractAbi.Parse(ProbeArtifact()).Event("Stored");
        Assert.Throws<AbiDecodingException>(() => stored.DecodeLog([new byte[32], new byte[32], new byte[32]], new byte[128]));
    }

    [Fact]
    public void Custom_error_revert_carries_name_signature_and_named_arguments()
    {
        var abi = ContractAbi.Parse(ProbeArtifact());
        var data = abi.Error("ValueTooLarge").Encode(1001, 1000, Caller);

        var revert = abi.DecodeRevert(data);

        Assert.True(revert.IsKnown);
        Assert.Equal("ValueTooLarge", revert.ErrorName);
        Assert.Equal("ValueTooLarge(uint256,uint256,address)", revert.Signature);
        Assert.Equal(new BigInteger(1001), revert.Arguments["value"]);
        Assert.Equal(Caller, revert.Arguments["caller"]);
        Assert.Contains("ValueTooLarge(value=1001, limit=1000", revert.Message);
    }

    [Fact]
    public void Error_string_revert_gives_the_reason()
    {
        var revert = ContractAbi.Empty.DecodeRevert(AbiError.ErrorString.Encode("not allowed"));
        Assert.Equal("0x08c379a0", AbiError.ErrorString.SelectorHex);
        Assert.Equal("not allowed", revert.Reason);
        Assert.Equal("execution reverted: not allowed", revert.Message);
    }

    [Fact]
    public void Panic_revert_gives_the_code_and_its_meaning()
    {
        var revert = ContractAbi.Empty.DecodeRevert(AbiError.Panic.Encode(0x12));
        Assert.Equal("0x4e487b71", AbiError.Panic.SelectorHex);
        Assert.Equal(new BigInteger(0x12), revert.PanicCode);
        Assert.Contains("0x12 (division or modulo by zero)", revert.Message);
    }

    [Fact]
    public void Unknown_selector_gives_an_unknown_custom_error_with_the_raw_data()
    {
        var revert = ContractAbi.Empty.DecodeRevert(Hex.Decode("0xdeadbeef0102"));
        Assert.False(revert.IsKnown);
        Assert.Equal("0xdeadbeef0102", Hex.Encode(revert.RawData));
        Assert.Contains("unknown custom error 0xdeadbeef", revert.Message);
    }

    [Fact]
    public void Overloaded_functions_are_found_by_signature_and_the_bare_name_is_refused()
    {
        var abi = ContractAbi.Parse("""
            [{"type":"function","name":"f","inputs":[{"name":"a","type":"uint256"}],"outputs":[]},
             {"type":"function","name":"f","inputs":[{"name":"a","type":"bytes32"}],"outputs":[]}]
            """);
        Assert.Equal("f(bytes32)", abi.Function("f(bytes32)").Signature);
        Assert.Throws<AbiLookupException>(() => abi.Function("f"));
        Assert.Throws<AbiLookupException>(() => abi.Function("g"));
    }

    [Fact]
    public void Json_tuple_parameters_with_components_build_nested_tuple_types()
    {
        var abi = ContractAbi.Parse("""
            [{"type":"function","name":"anchor","outputs":[],"inputs":[{"name":"claims","type":"tuple[]","components":[
              {"name":"hash","type":"bytes32"},{"name":"meta","type":"tuple","components":[{"name":"kind","type":"uint8"},{"name":"uri","type":"string"}]}]}]}]
            """);
        var f = abi.Function("anchor");
        var tuple = Assert.IsType<AbiTupleType>(Assert.IsType<AbiArrayType>(f.Inputs[0].Type).Element);
        Assert.Equal("anchor((bytes32,(uint8,string))[])", f.Signature);
        Assert.Equal(["hash", "meta"], tuple.Names);
        var claims = new object?[] { new object?[] { new byte[32], new object?[] { 1, "u" } } };
        var call = f.EncodeCall((object)claims);
        Assert.Equal(new BigInteger(1), ((object?[])((object?[])((object?[])f.DecodeCall(call)[0]!)[0]!)[1]!)[0]);
    }
}
