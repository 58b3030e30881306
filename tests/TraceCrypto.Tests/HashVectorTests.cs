using Trace.Tests.Support;

namespace Trace.Crypto.Tests;

public class HashVectorTests
{
    public static TheoryData<string, string, string> Cases()
    {
        using var doc = VectorFiles.Load("hashes.json");
        var data = new TheoryData<string, string, string>();
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
            data.Add(c.GetProperty("input").GetString()!, c.GetProperty("keccak256").GetString()!, c.GetProperty("sha256").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Keccak256_matches_ethers(string input, string keccak, string _) =>
        Assert.Equal(keccak, Hex.Encode(Keccak256.Hash(Hex.Decode(input))));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sha256_matches_ethers(string input, string _, string sha256) =>
        Assert.Equal(sha256, Hex.Encode(Sha256Hash.Hash(Hex.Decode(input))));

    [Fact]
    public void Keccak256_agrees_with_BouncyCastle_on_every_length_up_to_three_blocks()
    {
        var data = new byte[3 * 136 + 1];
        new Random(256).NextBytes(data);
        var expected = new byte[32];
        for (var length = 0; length <= data.Length; length++)
        {
            var reference = new Org.BouncyCastle.Crypto.Digests.KeccakDigest(256);
            reference.BlockUpdate(data, 0, length);
            reference.DoFinal(expected, 0);
            Assert.Equal(expected, Keccak256.Hash(data.AsSpan(0, length)));
        }
    }

    [Fact]
    public void Personal_message_hash_follows_EIP191() =>
        // ethers.hashMessage("Hello World")
        Assert.Equal("0xa1de988600a42c4b4ab089b619297c17d53cffae5d5120d82d8a92d0bb3b78f2", Hex.Encode(PersonalMessage.Hash("Hello World")));
}
