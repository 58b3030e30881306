using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Trace.Crypto;
using Trace.Node.Evm.Encoding;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Evm.Encoding;

/// <summary>ethereum/tests RLPTests: rlptest.json (valid, with inputs), invalidRLPTest.json, RandomRLPTests.</summary>
public class RlpEthereumTests
{
    private const string Dir = "ethereum-tests/RLPTests/";

    public static TheoryData<string> ValidNames() => Names(Dir + "rlptest.json");

    public static TheoryData<string> InvalidNames() => Names(Dir + "invalidRLPTest.json");

    public static TheoryData<string> RandomFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(VectorFiles.Path(Dir + "RandomRLPTests"), "*.json"))
            data.Add("RandomRLPTests/" + System.IO.Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Valid_case_encodes_to_the_expected_bytes_and_decodes_back(string name)
    {
        using var doc = VectorFiles.Load(Dir + "rlptest.json");
        var test = doc.RootElement.GetProperty(name);
        var expected = Hex.Decode(test.GetProperty("out").GetString()!);

        Assert.Equal(Hex.Encode(expected), Hex.Encode(Rlp.Encode(ToItem(test.GetProperty("in")))));
        Assert.Equal(Hex.Encode(expected), Hex.Encode(Rlp.Encode(Rlp.Decode(expected))));
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Invalid_case_is_rejected_with_an_RlpException(string name)
    {
        using var doc = VectorFiles.Load(Dir + "invalidRLPTest.json");
        var bytes = Hex.Decode(doc.RootElement.GetProperty(name).GetProperty("out").GetString()!);

        var error = Assert.Throws<RlpException>(() => Rlp.Decode(bytes));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [MemberData(nameof(RandomFiles))]
    public void Random_valid_case_decodes_and_reencodes_identically(string file)
    {
        using var doc = VectorFiles.Load(Dir + file);
        foreach (var test in doc.RootElement.EnumerateObject())
        {
            var bytes = Hex.Decode(test.Value.GetProperty("out").GetString()!);
            Assert.Equal(Hex.Encode(bytes), Hex.Encode(Rlp.Encode(Rlp.Decode(bytes))));
        }
    }

    private static TheoryData<string> Names(string file)
    {
        using var doc = VectorFiles.Load(file);
        var data = new TheoryData<string>();
        foreach (var test in doc.RootElement.EnumerateObject()) data.Add(test.Name);
        return data;
    }

    // Inputs: strings are raw byte values (one char per byte), numbers are integers, "#digits" is a big integer.
    private static RlpItem ToItem(JsonElement input) => input.ValueKind switch
    {
        JsonValueKind.Array => RlpItem.List([.. input.EnumerateArray().Select(ToItem)]),
        JsonValueKind.Number => RlpItem.String(Rlp.ToBigEndian(new BigInteger(input.GetUInt64()))),
        _ when input.GetString()! is ['#', .. var digits] => RlpItem.String(Rlp.ToBigEndian(BigInteger.Parse(digits, CultureInfo.InvariantCulture))),
        _ => RlpItem.String(input.GetString()!.Select(c => checked((byte)c)).ToArray()),
    };
}
