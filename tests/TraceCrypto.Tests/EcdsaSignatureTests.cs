namespace Trace.Crypto.Tests;

public class EcdsaSignatureTests
{
    private const string Order = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    private static readonly byte[] Digest = Keccak256.HashUtf8("claim");

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(27, 0)]
    [InlineData(28, 1)]
    public void FromBytes65_accepts_v_0_1_27_28(byte v, byte recoveryId)
    {
        var bytes = new byte[65];
        bytes[31] = 1;
        bytes[63] = 1;
        bytes[64] = v;
        Assert.Equal(recoveryId, EcdsaSignature.FromBytes65(bytes).RecoveryId);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(26)]
    [InlineData(29)]
    [InlineData(37)]
    public void FromBytes65_rejects_other_v(byte v)
    {
        var bytes = new byte[65];
        bytes[64] = v;
        var error = Assert.Throws<InvalidSignatureException>(() => EcdsaSignature.FromBytes65(bytes));
        Assert.Contains($"got {v}", error.Message);
    }

    [Fact]
    public void FromBytes65_rejects_wrong_length() =>
        Assert.Throws<InvalidSignatureException>(() => EcdsaSignature.FromBytes65(new byte[64]));

    [Theory]
    [InlineData("r is zero", "00", "01")]
    [InlineData("s is zero", "01", "00")]
    [InlineData("r is not below", Order, "01")]
    [InlineData("s is not below", "01", Order)]
    [InlineData("above n/2", "01", "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a1")]
    [InlineData("not the x coordinate", "05", "01")]
    public void Recover_rejects_out_of_range_signatures_with_a_specific_message(string fragment, string r, string s)
    {
        var signature = EcdsaSignature.FromComponents(Hex.Decode(r), Hex.Decode(s), 0);
        var error = Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverPublicKey(Digest, signature));
        Assert.Contains(fragment, error.Message);
        Assert.False(Secp256k1.Verify(Digest, signature, EthereumAddress.Zero));
    }

    [Fact]
    public void High_s_form_recovers_the_same_key_only_when_allowed()
    {
        using var key = EthereumKey.Generate();
        var low = key.Sign(Digest);
        var n = Secp256k1.ToBig(Hex.Decode(Order));
        var highS = n.Subtract(Secp256k1.ToBig(low.S)).ToByteArrayUnsigned();
        var high = EcdsaSignature.FromComponents(low.R, highS, (byte)(low.RecoveryId ^ 1));
        Assert.False(high.IsLowS);
        Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverAddress(Digest, high));
        Assert.Equal(key.Address, Secp256k1.RecoverAddress(Digest, high, allowHighS: true));
    }

    [Fact]
    public void Components_must_be_32_bytes()
    {
        Assert.Throws<InvalidSignatureException>(() => new EcdsaSignature(new byte[31], new byte[32], 0));
        Assert.Throws<InvalidSignatureException>(() => new EcdsaSignature(new byte[32], new byte[32], 4));
        Assert.Throws<InvalidSignatureException>(() => EcdsaSignature.FromComponents(new byte[33], [1], 0));
    }

    [Fact]
    public void With_expressions_are_validated_too()
    {
        using var key = EthereumKey.Generate();
        var signature = key.Sign(Digest);
        Assert.Throws<InvalidSignatureException>(() => signature with { RecoveryId = 4 });
        Assert.Throws<InvalidSignatureException>(() => signature with { R = new byte[20] });
    }

    [Fact]
    public void Default_signature_is_rejected_not_crashed_on()
    {
        var error = Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverAddress(Digest, default));
        Assert.Contains("empty", error.Message);
        Assert.False(default(EcdsaSignature).IsLowS);
    }

    [Fact]
    public void Signatures_compare_by_value_and_round_trip_through_65_bytes()
    {
        using var key = EthereumKey.Generate();
        var signature = key.Sign(Digest);
        Assert.Equal(signature, EcdsaSignature.FromBytes65(signature.ToBytes65()));
        Assert.Equal(signature.GetHashCode(), EcdsaSignature.FromBytes65(signature.ToBytes65()).GetHashCode());
    }
}
