using Trace.Tests.Support;

namespace Trace.Crypto.Tests;

public class Secp256k1VectorTests
{
    public static TheoryData<int> Cases()
    {
        using var doc = VectorFiles.Load("secp256k1.json");
        var data = new TheoryData<int>();
        for (var i = 0; i < doc.RootElement.GetProperty("cases").GetArrayLength(); i++) data.Add(i);
        return data;
    }

    public static TheoryData<string, string> Eip55()
    {
        using var doc = VectorFiles.Load("secp256k1.json");
        var data = new TheoryData<string, string>();
        foreach (var c in doc.RootElement.GetProperty("eip55").EnumerateArray())
            data.Add(c.GetProperty("lower").GetString()!, c.GetProperty("checksummed").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Key_derives_the_expected_public_keys_and_address(int index)
    {
        var c = Case(index);
        using var key = EthereumKey.FromHex(c["privateKey"]);
        Assert.Equal(c["publicKeyUncompressed"], Hex.Encode(key.PublicKey));
        Assert.Equal(c["publicKeyCompressed"], Hex.Encode(key.CompressedPublicKey));
        Assert.Equal(c["address"], key.Address.ToString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sign_is_RFC6979_deterministic_and_matches_ethers_byte_for_byte(int index)
    {
        var c = Case(index);
        using var key = EthereumKey.FromHex(c["privateKey"]);
        var signature = key.Sign(Hex.Decode(c["digest"]));
        Assert.Equal(c["r"], Hex.Encode(signature.R));
        Assert.Equal(c["s"], Hex.Encode(signature.S));
        Assert.Equal(int.Parse(c["yParity"]), signature.RecoveryId);
        Assert.Equal(c["serialized"], Hex.Encode(signature.ToBytes65()));
        Assert.True(signature.IsLowS);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Recover_returns_the_signers_key_and_address(int index)
    {
        var c = Case(index);
        var digest = Hex.Decode(c["digest"]);
        var signature = EcdsaSignature.FromBytes65(Hex.Decode(c["serialized"]));
        Assert.Equal(c["publicKeyUncompressed"], Hex.Encode(Secp256k1.RecoverPublicKey(digest, signature)));
        Assert.Equal(c["recovered"], Secp256k1.RecoverAddress(digest, signature).ToString());
        Assert.True(Secp256k1.Verify(digest, signature, EthereumAddress.Parse(c["address"])));
        Assert.True(Secp256k1.Verify(digest, signature, Hex.Decode(c["publicKeyUncompressed"])));
        Assert.True(Secp256k1.Verify(digest, signature, Hex.Decode(c["publicKeyCompressed"])));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_changed_digest_recovers_a_different_address(int index)
    {
        var c = Case(index);
        var digest = Hex.Decode(c["digest"]);
        digest[0] ^= 1;
        var signature = EcdsaSignature.FromBytes65(Hex.Decode(c["serialized"]));
        Assert.False(Secp256k1.Verify(digest, signature, EthereumAddress.Parse(c["address"])));
        Assert.False(Secp256k1.Verify(digest, signature, Hex.Decode(c["publicKeyUncompressed"])));
    }

    [Theory]
    [MemberData(nameof(Eip55))]
    public void Address_prints_with_its_EIP55_checksum(string lower, string checksummed)
    {
        Assert.Equal(checksummed, EthereumAddress.Parse(lower).ToString());
        Assert.Equal(checksummed, EthereumAddress.Parse(checksummed).ToString());
    }

    private static Dictionary<string, string> Case(int index)
    {
        using var doc = VectorFiles.Load("secp256k1.json");
        return doc.RootElement.GetProperty("cases")[index].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString());
    }
}
