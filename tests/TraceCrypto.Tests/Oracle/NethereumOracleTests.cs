using System.Globalization;
using System.Text.Json;
using Nethereum.ABI.EIP712;
using Nethereum.Signer;
using Nethereum.Util;
using Trace.Crypto.Eip712;

namespace Trace.Crypto.Tests.Oracle;

/// <summary>
/// Nethereum as a second, independent oracle for the crypto Trace keeps: random keys, messages and claims must give the
/// same signatures, recovered signers, hashes and EIP-712 digests in both libraries. Seeded, so a failure reproduces.
/// </summary>
public class NethereumOracleTests
{
    private const int Seed = 20261202;

    [Fact]
    public void Signatures_made_by_Trace_recover_the_same_signer_with_Nethereum_and_are_byte_identical_to_its_own()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 200; i++)
        {
            using var key = EthereumKey.FromPrivateKey(RandomScalar(random));
            var digest = RandomBytes(random, 32);

            var ours = key.Sign(digest);
            var nethereumKey = new EthECKey(key.ExportPrivateKey(), isPrivate: true);
            var theirs = nethereumKey.SignAndCalculateV(digest);

            Assert.Equal(key.Address, EthereumAddress.Parse(nethereumKey.GetPublicAddress()));
            Assert.Equal(Hex.Encode(ours.ToBytes65()), Hex.Encode(ToBytes65(theirs)));
            var recovered = EthECKey.RecoverFromSignature(EthECDSASignatureFactory.FromComponents(ours.R, ours.S, (byte)(27 + ours.RecoveryId)), digest);
            Assert.Equal(key.Address, EthereumAddress.Parse(recovered.GetPublicAddress()));
        }
    }

    [Fact]
    public void Signatures_made_by_Nethereum_recover_the_same_signer_with_Trace()
    {
        var random = new Random(Seed + 1);
        for (var i = 0; i < 200; i++)
        {
            var nethereumKey = new EthECKey(RandomScalar(random), isPrivate: true);
            var message = RandomBytes(random, random.Next(0, 300));
            var digest = Keccak256.Hash(message);

            var signature = EcdsaSignature.FromBytes65(ToBytes65(nethereumKey.SignAndCalculateV(digest)));

            var signer = EthereumAddress.Parse(nethereumKey.GetPublicAddress());
            Assert.Equal(signer, Secp256k1.RecoverAddress(digest, signature));
            Assert.True(Secp256k1.Verify(digest, signature, signer));
        }
    }

    [Fact]
    public void Personal_message_hash_matches_Nethereum_message_signer()
    {
        var random = new Random(Seed + 2);
        var signer = new EthereumMessageSigner();
        for (var i = 0; i < 50; i++)
        {
            var message = RandomBytes(random, random.Next(0, 200));
            Assert.Equal(Hex.Encode(signer.HashPrefixedMessage(message)), Hex.Encode(PersonalMessage.Hash(message)));
        }
    }

    [Fact]
    public void Keccak_of_random_inputs_equals_Nethereum_Sha3Keccack()
    {
        var random = new Random(Seed + 3);
        // Lengths around the 136-byte rate boundary are where a sponge goes wrong.
        int[] edges = [0, 1, 31, 32, 33, 63, 64, 65, 135, 136, 137, 271, 272, 273, 1000, 4096];
        var lengths = edges.Concat(Enumerable.Range(0, 300).Select(_ => random.Next(0, 2000)));
        foreach (var length in lengths)
        {
            var data = RandomBytes(random, length);
            Assert.Equal(Hex.Encode(Sha3Keccack.Current.CalculateHash(data)), Hex.Encode(Keccak256.Hash(data)));
        }
    }

    [Fact]
    public void Claim_digest_equals_Nethereum_typed_data_hash_of_the_same_struct()
    {
        var random = new Random(Seed + 4);
        for (var i = 0; i < 50; i++)
        {
            var claim = new EvidenceClaimData(RandomBytes(random, 32), (byte)random.Next(0, 256), RandomBytes(random, 32),
                EthereumAddress.FromBytes(RandomBytes(random, 20)), (ulong)random.NextInt64(0, long.MaxValue), RandomBytes(random, 32));
            var chainId = random.Next(1, int.MaxValue);
            var contract = EthereumAddress.FromBytes(RandomBytes(random, 20));
            var domain = EvidenceClaimHasher.Domain(chainId, contract);

            var theirs = Eip712TypedDataEncoder.Current.EncodeAndHashTypedData(TypedDataJson(claim, chainId, contract));

            Assert.Equal(Hex.Encode(theirs), Hex.Encode(EvidenceClaimHasher.Digest(domain, claim)));
        }
    }

    [Fact]
    public void Claim_domain_separator_equals_Nethereum_domain_hash()
    {
        var claim = new EvidenceClaimData(new byte[32], 1, new byte[32], EthereumAddress.Zero, 0, new byte[32]);
        var contract = EthereumAddress.Parse("0xE44D2d7306293E7C6AF3cDb04808E14b3Be22248");
        var raw = TypedDataRawJsonConversion.DeserialiseJsonToRawTypedData(TypedDataJson(claim, 31337, contract));

        var theirs = Eip712TypedDataEncoder.Current.HashDomainSeparator(raw);

        Assert.Equal(Hex.Encode(theirs), Hex.Encode(EvidenceClaimHasher.Domain(31337, contract).Separator()));
    }

    /// <summary>The claim as an eth_signTypedData_v4 document, the form any wallet would be handed.</summary>
    private static string TypedDataJson(EvidenceClaimData claim, long chainId, EthereumAddress contract) => JsonSerializer.Serialize(new
    {
        types = new Dictionary<string, object[]>
        {
            ["EIP712Domain"] =
            [
                new { name = "name", type = "string" }, new { name = "version", type = "string" },
                new { name = "chainId", type = "uint256" }, new { name = "verifyingContract", type = "address" },
            ],
            ["EvidenceClaim"] =
            [
                new { name = "contentHash", type = "bytes32" }, new { name = "kind", type = "uint8" },
                new { name = "subject", type = "bytes32" }, new { name = "issuer", type = "address" },
                new { name = "issuedAt", type = "uint64" }, new { name = "nonce", type = "bytes32" },
            ],
        },
        primaryType = "EvidenceClaim",
        domain = new { name = EvidenceClaimHasher.DomainName, version = EvidenceClaimHasher.DomainVersion, chainId, verifyingContract = contract.ToString() },
        message = new
        {
            contentHash = Hex.Encode(claim.ContentHash),
            kind = claim.Kind,
            subject = Hex.Encode(claim.Subject),
            issuer = claim.Issuer.ToString(),
            issuedAt = claim.IssuedAt.ToString(CultureInfo.InvariantCulture),
            nonce = Hex.Encode(claim.Nonce),
        },
    });

    private static byte[] ToBytes65(EthECDSASignature signature)
    {
        var bytes = new byte[65];
        var r = signature.R.AsSpan().TrimStart((byte)0);
        var s = signature.S.AsSpan().TrimStart((byte)0);
        r.CopyTo(bytes.AsSpan(32 - r.Length));
        s.CopyTo(bytes.AsSpan(64 - s.Length));
        bytes[64] = signature.V[0];
        return bytes;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A random valid private key (the chance of hitting 0 or ≥ n is ~2^-128, but check anyway).</summary>
    private static byte[] RandomScalar(Random random)
    {
        while (true)
        {
            var candidate = RandomBytes(random, 32);
            if (candidate.Any(b => b != 0) && candidate.AsSpan().SequenceCompareTo(Order) < 0) return candidate;
        }
    }

    private static ReadOnlySpan<byte> Order => Hex.Decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
}
