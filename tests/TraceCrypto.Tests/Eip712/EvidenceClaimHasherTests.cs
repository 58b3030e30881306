using System.Numerics;
using System.Text.Json;
using Trace.Crypto.Eip712;
using Trace.Tests.Support;

namespace Trace.Crypto.Tests.Eip712;

public class EvidenceClaimHasherTests
{
    [Fact]
    public void Claim_hasher_matches_the_ethers_claim_vector()
    {
        using var doc = VectorFiles.Load("eip712.json");
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "claim");
        var m = c.GetProperty("message");
        var claim = new EvidenceClaimData(
            Hex.Decode(m.GetProperty("contentHash").GetString()!),
            m.GetProperty("kind").GetByte(),
            Hex.Decode(m.GetProperty("subject").GetString()!),
            EthereumAddress.Parse(m.GetProperty("issuer").GetString()!),
            m.GetProperty("issuedAt").GetUInt64(),
            Hex.Decode(m.GetProperty("nonce").GetString()!));
        var d = c.GetProperty("domain");
        var domain = EvidenceClaimHasher.Domain(d.GetProperty("chainId").GetInt64(), EthereumAddress.Parse(d.GetProperty("verifyingContract").GetString()!));

        Assert.Equal(c.GetProperty("typeHash").GetString(), Hex.Encode(EvidenceClaimHasher.TypeHash));
        Assert.Equal(Hex.Encode(Keccak256.HashUtf8(EvidenceClaimHasher.EncodedType)), Hex.Encode(EvidenceClaimHasher.TypeHash));
        Assert.Equal(c.GetProperty("domainSeparator").GetString(), Hex.Encode(domain.Separator()));
        Assert.Equal(c.GetProperty("structHash").GetString(), Hex.Encode(EvidenceClaimHasher.StructHash(claim)));
        Assert.Equal(c.GetProperty("digest").GetString(), Hex.Encode(EvidenceClaimHasher.Digest(domain, claim)));
        AssertSignedLikeEthers(c, EvidenceClaimHasher.Digest(domain, claim));
    }

    /// <summary>
    /// Our key derives the vector's signer, our RFC 6979 signature of the digest is byte-for-byte the one ethers
    /// produced, and the vector's signature recovers the signer.
    /// </summary>
    private static void AssertSignedLikeEthers(JsonElement c, byte[] digest)
    {
        using var key = EthereumKey.FromHex(c.GetProperty("privateKey").GetString()!);
        var signer = EthereumAddress.Parse(c.GetProperty("signer").GetString()!);
        var expected = EcdsaSignature.FromBytes65(Hex.Decode(c.GetProperty("signature").GetString()!));

        Assert.Equal(signer, key.Address);
        Assert.Equal(c.GetProperty("signature").GetString(), Hex.Encode(key.Sign(digest).ToBytes65()));
        Assert.Equal(signer, Secp256k1.RecoverAddress(digest, expected));
        Assert.True(Secp256k1.Verify(digest, expected, signer));
    }

    [Fact]
    public void Claim_hasher_rejects_fields_that_are_not_32_bytes()
    {
        var claim = new EvidenceClaimData(new byte[31], 1, new byte[32], EthereumAddress.Zero, 0, new byte[32]);
        Assert.Throws<ArgumentException>(() => EvidenceClaimHasher.StructHash(claim));
    }

    [Theory]
    [InlineData("mail")]
    [InlineData("claim")]
    public void Domain_separator_matches_the_ethers_vectors(string name)
    {
        using var doc = VectorFiles.Load("eip712.json");
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var d = c.GetProperty("domain");

        var domain = new Eip712Domain(d.GetProperty("name").GetString(), d.GetProperty("version").GetString(),
            d.GetProperty("chainId").GetInt64(), EthereumAddress.Parse(d.GetProperty("verifyingContract").GetString()!));

        Assert.Equal(c.GetProperty("domainSeparator").GetString(), Hex.Encode(domain.Separator()));
    }

    [Fact]
    public void Domain_separator_with_a_salt_and_no_contract_hashes_each_present_field_in_order()
    {
        var salt = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var domain = new Eip712Domain(Version: "2", ChainId: 5, Salt: salt);
        Assert.Equal("EIP712Domain(string version,uint256 chainId,bytes32 salt)", domain.EncodeType());
        var expected = Keccak256.Hash([
            .. Keccak256.HashUtf8("EIP712Domain(string version,uint256 chainId,bytes32 salt)"),
            .. Keccak256.HashUtf8("2"),
            .. new byte[31], 5,
            .. salt,
        ]);
        Assert.Equal(Hex.Encode(expected), Hex.Encode(domain.Separator()));
        Assert.Throws<ArgumentException>(() => new Eip712Domain(Salt: new byte[31]).Separator());
        Assert.Throws<ArgumentException>(() => new Eip712Domain(ChainId: -1).Separator());
    }

    [Fact]
    public void Domain_separator_uses_only_the_fields_present()
    {
        var domain = new Eip712Domain(Name: "Trace", ChainId: new BigInteger(1));
        Assert.Equal("EIP712Domain(string name,uint256 chainId)", domain.EncodeType());
        var expected = Keccak256.Hash([
            .. Keccak256.HashUtf8("EIP712Domain(string name,uint256 chainId)"),
            .. Keccak256.HashUtf8("Trace"),
            .. new byte[31], 1,
        ]);
        Assert.Equal(Hex.Encode(expected), Hex.Encode(domain.Separator()));
    }
}
