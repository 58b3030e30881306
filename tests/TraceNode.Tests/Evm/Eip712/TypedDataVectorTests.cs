using System.Numerics;
using System.Text.Json.Nodes;
using Nethereum.ABI.EIP712;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Tests.Support;

namespace Trace.Node.Tests.Evm.Eip712;

/// <summary>eip712.json (ethers): Nethereum's EIP-712 encoder (the relayed messages) and Trace's own claim hasher (the hot path).</summary>
public class TypedDataVectorTests
{
    public static TheoryData<string> Cases()
    {
        using var doc = VectorFiles.Load("eip712.json");
        var data = new TheoryData<string>();
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Nethereum_hashes_the_typed_data_like_ethers(string name)
    {
        using var doc = VectorFiles.Load("eip712.json");
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

        var hashes = Eip712TypedDataEncoder.Current.CalculateTypedDataHashes(NethereumJson(c));

        Assert.Equal(c.GetProperty("domainSeparator").GetString(), Hex.Encode(hashes.DomainHash));
        Assert.Equal(c.GetProperty("structHash").GetString(), Hex.Encode(hashes.MessageHash));
        Assert.Equal(c.GetProperty("digest").GetString(), Hex.Encode(hashes.TypedDataHash));
        AssertSignedLikeEthers(c, hashes.TypedDataHash);
    }

    /// <summary>The vector as eth_signTypedData_v4 JSON: its types plus the EIP712Domain type of the fields its domain has.</summary>
    private static string NethereumJson(System.Text.Json.JsonElement c)
    {
        var json = JsonNode.Parse(c.GetRawText())!.AsObject();
        var domainType = new JsonArray();
        foreach (var (field, type) in new[] { ("name", "string"), ("version", "string"), ("chainId", "uint256"), ("verifyingContract", "address"), ("salt", "bytes32") })
            if (json["domain"]!.AsObject().ContainsKey(field)) domainType.Add(new JsonObject { ["name"] = field, ["type"] = type });
        json["types"]!.AsObject()["EIP712Domain"] = domainType;
        return json.ToJsonString();
    }

    [Fact]
    public void Claim_hasher_matches_the_claim_vector_and_nethereums_encoder()
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

        Assert.Equal(c.GetProperty("digest").GetString(), Hex.Encode(Eip712TypedDataEncoder.Current.CalculateTypedDataHashes(NethereumJson(c)).TypedDataHash));
        AssertSignedLikeEthers(c, EvidenceClaimHasher.Digest(domain, claim));
    }

    /// <summary>
    /// Our key derives the vector's signer, our RFC 6979 signature of the digest is byte-for-byte the one ethers
    /// produced, and the vector's signature recovers the signer.
    /// </summary>
    private static void AssertSignedLikeEthers(System.Text.Json.JsonElement c, byte[] digest)
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
