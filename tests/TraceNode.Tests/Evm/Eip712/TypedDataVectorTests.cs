using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Node.Evm.Eip712;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Evm.Eip712;

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
    public void Typed_data_from_json_hashes_like_ethers(string name)
    {
        using var doc = VectorFiles.Load("eip712.json");
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

        var typed = TypedData.FromJson(c);

        Assert.Equal(c.GetProperty("domainSeparator").GetString(), Hex.Encode(typed.DomainSeparator()));
        Assert.Equal(c.GetProperty("encodeType").GetString(), typed.EncodeType());
        Assert.Equal(c.GetProperty("typeHash").GetString(), Hex.Encode(typed.TypeHash()));
        Assert.Equal(c.GetProperty("structHash").GetString(), Hex.Encode(typed.StructHash()));
        Assert.Equal(c.GetProperty("digest").GetString(), Hex.Encode(typed.Digest()));
        AssertSignedLikeEthers(c, typed.Digest());
    }

    [Fact]
    public void Generic_encoder_hashes_the_claim_like_the_claim_hasher()
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

        var generic = new TypedData(domain, new Dictionary<string, IReadOnlyList<TypedDataField>> { ["EvidenceClaim"] = ClaimFields },
            "EvidenceClaim", ToMessage(claim));

        Assert.Equal(EvidenceClaimHasher.EncodedType, generic.EncodeType());
        Assert.Equal(c.GetProperty("digest").GetString(), Hex.Encode(generic.Digest()));
        Assert.Equal(Hex.Encode(EvidenceClaimHasher.Digest(domain, claim)), Hex.Encode(generic.Digest()));
    }

    /// <summary>The claim struct's fields as the generic encoder takes them.</summary>
    private static IReadOnlyList<TypedDataField> ClaimFields { get; } =
    [
        new("contentHash", "bytes32"), new("kind", "uint8"), new("subject", "bytes32"),
        new("issuer", "address"), new("issuedAt", "uint64"), new("nonce", "bytes32"),
    ];

    private static Dictionary<string, object?> ToMessage(EvidenceClaimData claim) => new()
    {
        ["contentHash"] = claim.ContentHash,
        ["kind"] = claim.Kind,
        ["subject"] = claim.Subject,
        ["issuer"] = claim.Issuer,
        ["issuedAt"] = claim.IssuedAt,
        ["nonce"] = claim.Nonce,
    };

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
}
