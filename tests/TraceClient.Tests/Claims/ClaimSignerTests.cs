using System.Text;
using System.Text.Json;
using Trace.Client.Canonical;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Protos.V1;

namespace Trace.Client.Tests.Claims;

public class ClaimSignerTests
{
    private const ulong ChainId = 31337;
    private static readonly EthereumAddress Registry = EthereumAddress.Parse("0xE44D2d7306293E7C6AF3cDb04808E14b3Be22248");

    [Fact]
    public void A_signed_claim_recovers_its_issuer_from_the_EIP712_digest_of_the_deployment()
    {
        using var key = EthereumKey.Generate();
        var signer = new ClaimSigner(key, ChainId, Registry);
        var contentHash = Sha256Hash.Hash("a document"u8);

        var signed = signer.Sign(contentHash, RecordKind.Certification, "urn:trace:lot:L-1");

        var digest = Digest(signed, ChainId, Registry);
        Assert.Equal(key.Address, Secp256k1.RecoverAddress(digest, EcdsaSignature.FromBytes65(signed.Signature.Span)));
        Assert.Equal(key.Address.ToString(), signed.Claim.Issuer);
        Assert.Equal(Keccak256.HashUtf8("urn:trace:lot:L-1"), signed.Claim.Subject.ToByteArray());
        Assert.Equal(contentHash, signed.Claim.ContentHash.ToByteArray());
        Assert.Equal(32, signed.Claim.Nonce.Length);
        Assert.Equal(Hex.Encode(digest), signer.RecordIdOf(signed));
    }

    [Fact]
    public void The_same_inputs_give_the_same_claim_and_a_fresh_nonce_gives_another_record()
    {
        using var key = EthereumKey.Generate();
        var signer = new ClaimSigner(key, ChainId, Registry);
        var hash = new byte[32];
        var nonce = Enumerable.Repeat((byte)7, 32).ToArray();

        var a = signer.Sign(hash, RecordKind.Other, "urn:x", issuedAt: 1_700_000_000, nonce: nonce);
        var b = signer.Sign(hash, RecordKind.Other, "urn:x", issuedAt: 1_700_000_000, nonce: nonce);
        var c = signer.Sign(hash, RecordKind.Other, "urn:x", issuedAt: 1_700_000_000);

        Assert.Equal(a, b);
        Assert.NotEqual(signer.RecordIdOf(a), signer.RecordIdOf(c));
    }

    [Fact]
    public void The_record_id_depends_on_the_deployment()
    {
        using var key = EthereumKey.Generate();
        var signed = new ClaimSigner(key, ChainId, Registry).Sign(new byte[32], RecordKind.Other, "urn:x");

        Assert.NotEqual(RecordId.Of(signed, ChainId, Registry), RecordId.Of(signed, ChainId + 1, Registry));
        Assert.NotEqual(RecordId.Of(signed, ChainId, Registry), RecordId.Of(signed, ChainId, EthereumAddress.Zero));
    }

    [Fact]
    public void Sign_refuses_a_content_hash_or_nonce_that_is_not_32_bytes_and_an_empty_subject()
    {
        using var key = EthereumKey.Generate();
        var signer = new ClaimSigner(key, ChainId, Registry);

        Assert.Throws<ArgumentException>(() => signer.Sign(new byte[31], RecordKind.Other, "urn:x"));
        Assert.Throws<ArgumentException>(() => signer.Sign(new byte[32], RecordKind.Other, "urn:x", nonce: new byte[8]));
        Assert.Throws<ArgumentException>(() => signer.Sign(new byte[32], RecordKind.Other, ""));
    }

    [Fact]
    public void A_structured_record_is_salted_canonical_and_its_SHA256_is_the_signed_content_hash()
    {
        using var key = EthereumKey.Generate();
        var signer = new ClaimSigner(key, ChainId, Registry);

        var request = signer.StructuredRecord("urn:trace:batch:B-1", RecordKind.Batch, "{ \"unit\": \"kg\", \"quantity\": \"12.50\", \"batch\": \"B-1\" }", "{\"note\":\"n\"}");

        var json = Encoding.UTF8.GetBytes(request.RecordJson);
        Assert.Equal(json, JsonCanonicalizer.Canonicalize(request.RecordJson));
        Assert.Equal(Sha256Hash.Hash(json), request.SignedClaim.Claim.ContentHash.ToByteArray());
        using var doc = JsonDocument.Parse(request.RecordJson);
        var salt = doc.RootElement.GetProperty("salt").GetString()!;
        Assert.Equal(32, Hex.Decode(salt).Length);
        Assert.Equal("12.50", doc.RootElement.GetProperty("quantity").GetString());
        Assert.Equal("urn:trace:batch:B-1", request.SubjectId);
        Assert.Equal("{\"note\":\"n\"}", request.MetadataJson);

        var again = signer.StructuredRecord("urn:trace:batch:B-1", RecordKind.Batch, "{\"batch\":\"B-1\",\"quantity\":\"12.50\",\"unit\":\"kg\"}");
        Assert.NotEqual(request.SignedClaim.Claim.ContentHash, again.SignedClaim.Claim.ContentHash);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{not json")]
    [InlineData("{\"salt\":\"0x00\"}")]
    public void A_structured_record_that_is_not_an_object_or_brings_its_own_salt_is_refused(string body)
    {
        using var key = EthereumKey.Generate();
        var signer = new ClaimSigner(key, ChainId, Registry);

        Assert.Throws<ArgumentException>(() => signer.StructuredRecord("urn:x", RecordKind.Batch, body));
    }

    [Fact]
    public void Bulk_signing_keeps_the_input_order_and_every_claim_recovers_its_issuer()
    {
        using var key = EthereumKey.Generate();
        var signer = new ClaimSigner(key, ChainId, Registry);
        var drafts = Enumerable.Range(0, 200).Select(i => new RecordDraft($"urn:trace:meter:{i}", RecordKind.EnergyReading, $"{{\"kWh\":\"{i}\"}}")).ToArray();
        var claims = Enumerable.Range(0, 200).Select(i => new ClaimContent(Sha256Hash.Hash(BitConverter.GetBytes(i)), RecordKind.Other, $"urn:doc:{i}")).ToArray();

        var records = signer.StructuredRecords(drafts);
        var signed = signer.SignMany(claims);

        for (var i = 0; i < drafts.Length; i++)
        {
            Assert.Equal(drafts[i].SubjectId, records[i].SubjectId);
            Assert.Equal(Keccak256.HashUtf8(drafts[i].SubjectId), records[i].SignedClaim.Claim.Subject.ToByteArray());
            Assert.Equal(key.Address, Secp256k1.RecoverAddress(Digest(records[i].SignedClaim, ChainId, Registry), EcdsaSignature.FromBytes65(records[i].SignedClaim.Signature.Span)));
            Assert.Equal(claims[i].ContentHash, signed[i].Claim.ContentHash.ToByteArray());
            Assert.Equal(key.Address, Secp256k1.RecoverAddress(Digest(signed[i], ChainId, Registry), EcdsaSignature.FromBytes65(signed[i].Signature.Span)));
        }
    }

    [Fact]
    public async Task A_document_header_carries_the_SHA256_and_length_of_the_stream()
    {
        using var key = EthereumKey.Generate();
        var signer = new ClaimSigner(key, ChainId, Registry);
        var content = new byte[200_001];
        new Random(1).NextBytes(content);

        var digest = await DocumentDigest.OfAsync(new MemoryStream(content));
        var header = signer.DocumentHeader(digest, RecordKind.EnvironmentalImpactReport, "urn:trace:lca:1", "application/pdf", "lca.pdf");

        Assert.Equal(Sha256Hash.Hash(content), digest.Sha256);
        Assert.Equal(DocumentDigest.Of(content).Sha256, digest.Sha256);
        Assert.Equal((ulong)content.Length, digest.Length);
        Assert.Equal((ulong)content.Length, header.ContentLength);
        Assert.Equal(Sha256Hash.Hash(content), header.SignedClaim.Claim.ContentHash.ToByteArray());
        Assert.Equal("lca.pdf", header.FileName);
    }

    private static byte[] Digest(SignedClaim signed, ulong chainId, EthereumAddress registry)
    {
        var c = signed.Claim;
        var claim = new EvidenceClaimData(c.ContentHash.ToByteArray(), (byte)c.Kind, c.Subject.ToByteArray(), EthereumAddress.Parse(c.Issuer), c.IssuedAt, c.Nonce.ToByteArray());
        return EvidenceClaimHasher.Digest(EvidenceClaimHasher.Domain(chainId, registry), claim);
    }
}
