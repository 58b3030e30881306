using Trace.Node.Evm.Abi;

namespace Trace.Node.Tests.Evm.Abi;

public class AbiDecodeFuzzTests
{
    [Theory]
    [InlineData("uint256,bytes,string")]
    [InlineData("string[],(address,bool)[2]")]
    [InlineData("(uint64,bytes32[],string)[]")]
    [InlineData("uint8[][],int16")]
    public void Random_bytes_only_ever_raise_AbiDecodingException(string typeList)
    {
        var types = ((AbiTupleType)AbiType.Parse($"({typeList})")).Components;
        var random = new Random(20261123);
        for (var round = 0; round < 3000; round++)
        {
            var data = new byte[random.Next(0, 320)];
            random.NextBytes(data);
            // Bias many words towards small values so offsets and lengths are often plausible.
            for (var w = 0; w + 32 <= data.Length; w += 32)
                if (random.Next(2) == 0) { data.AsSpan(w, 31).Clear(); data[w + 31] = (byte)(random.Next(0, 8) * 32 + random.Next(0, 2)); }
            try
            {
                AbiDecoder.Decode(types, data);
            }
            catch (AbiDecodingException)
            {
            }
        }
    }
}
