using Trace.Tests.Support;

namespace Trace.Crypto.Tests;

/// <summary>
/// ethereum/tests BasicTests/keyaddrtest.json: key → address. The file's sig_of_emptystring values come from an
/// old pyethereum signer over an undocumented message encoding: neither keccak256(""), sha256(""), 32 zero bytes,
/// keccak256(keccak256("")) nor the EIP-191 hash of "" recovers the key's address with either parity, so they are
/// not checked (signing is covered byte for byte by secp256k1.json, produced by ethers).
/// </summary>
public class KeyAddrTests
{
    public static TheoryData<string, string> Cases()
    {
        using var doc = VectorFiles.Load("ethereum-tests/BasicTests/keyaddrtest.json");
        var data = new TheoryData<string, string>();
        foreach (var c in doc.RootElement.EnumerateArray())
            data.Add(c.GetProperty("key").GetString()!, c.GetProperty("addr").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Key_gives_the_expected_address(string keyHex, string address)
    {
        using var key = EthereumKey.FromHex(keyHex);
        Assert.Equal("0x" + address, key.Address.ToLowerHex());
    }
}
