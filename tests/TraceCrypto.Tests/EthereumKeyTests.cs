namespace Trace.Crypto.Tests;

public class EthereumKeyTests
{
    private const string KeyHex = "0x4646464646464646464646464646464646464646464646464646464646464646";
    private const string Order = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

    [Fact]
    public void ToString_names_the_address_and_never_the_key()
    {
        using var key = EthereumKey.FromHex(KeyHex);
        var text = key.ToString();
        Assert.Contains(key.Address.ToString(), text);
        Assert.DoesNotContain("4646464646", text);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(Order)]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void Key_zero_or_not_below_the_order_is_rejected(string hex) =>
        Assert.Throws<ArgumentException>(() => EthereumKey.FromHex(hex));

    [Theory]
    [InlineData("0x46")]
    [InlineData("zz46464646464646464646464646464646464646464646464646464646464646")]
    public void Malformed_hex_is_rejected_without_echoing_it(string hex)
    {
        var error = Assert.Throws<ArgumentException>(() => EthereumKey.FromHex(hex));
        Assert.DoesNotContain(hex, error.Message);
    }

    [Fact]
    public void Key_just_below_the_order_is_accepted()
    {
        using var key = EthereumKey.FromHex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140");
        Assert.Equal(65, key.PublicKey.Length);
    }

    [Fact]
    public void Dispose_wipes_the_key_and_blocks_signing()
    {
        var key = EthereumKey.FromHex(KeyHex);
        Assert.Equal(KeyHex, Hex.Encode(key.ExportPrivateKey()));
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Sign(new byte[32]));
        Assert.Throws<ObjectDisposedException>(() => key.ExportPrivateKey());
    }

    [Fact]
    public void Generated_keys_are_distinct_and_sign_recoverably()
    {
        using var a = EthereumKey.Generate();
        using var b = EthereumKey.Generate();
        Assert.NotEqual(a.Address, b.Address);
        var digest = Keccak256.HashUtf8("trace");
        Assert.Equal(a.Address, Secp256k1.RecoverAddress(digest, a.Sign(digest)));
    }

    [Fact]
    public void Recovery_returns_the_signing_key_for_many_random_keys_and_digests()
    {
        var random = new Random(6979);
        var digest = new byte[32];
        for (var i = 0; i < 150; i++)
        {
            using var key = EthereumKey.Generate();
            random.NextBytes(digest);
            if (i % 10 == 0) Array.Fill(digest, (byte)(i % 20 == 0 ? 0x00 : 0xff));
            var signature = key.Sign(digest);
            Assert.Equal(key.PublicKey, Secp256k1.RecoverPublicKey(digest, signature));
            Assert.NotEqual(key.PublicKey, Secp256k1.RecoverPublicKey(digest, signature with { RecoveryId = (byte)(signature.RecoveryId ^ 1) }));
        }
    }

    [Fact]
    public void FromPrivateKey_and_FromHex_agree()
    {
        using var a = EthereumKey.FromHex(KeyHex);
        using var b = EthereumKey.FromPrivateKey(Hex.Decode(KeyHex));
        Assert.Equal(a.Address, b.Address);
        Assert.Equal("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F", a.Address.ToString());
    }
}
