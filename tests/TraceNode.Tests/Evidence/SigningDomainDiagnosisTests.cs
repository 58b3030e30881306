using System.Numerics;
using System.Security.Cryptography;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Node.Evidence;

namespace Trace.Node.Tests.Evidence;

/// <summary>Each usual signing-domain mistake is recognised and named; a signature by another key is not blamed on the domain.</summary>
public sealed class SigningDomainDiagnosisTests
{
    private const ulong ChainId = 31337;
    private static readonly EthereumAddress Evidence = EthereumAddress.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    private static readonly EthereumAddress Participants = EthereumAddress.Parse("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");

    private static (EthereumKey Key, EvidenceClaimData Claim) NewClaim()
    {
        var key = EthereumKey.Generate();
        return (key, new EvidenceClaimData(RandomNumberGenerator.GetBytes(32), 16, RandomNumberGenerator.GetBytes(32), key.Address, 1_780_000_000, RandomNumberGenerator.GetBytes(32)));
    }

    private static string? Explain(EcdsaSignature signature, EvidenceClaimData claim) =>
        SigningDomainDiagnosis.Explain(signature, claim, claim.Issuer, ChainId, Evidence, [(Participants, "the ParticipantRegistry")]);

    private static Eip712Domain Expected => EvidenceClaimHasher.Domain(new BigInteger(ChainId), Evidence);

    [Theory]
    [InlineData(1UL)]
    [InlineData(11155111UL)]
    [InlineData(8453UL)]
    public void A_signature_for_a_common_chain_id_is_named(ulong chainId)
    {
        var (key, claim) = NewClaim();
        var signature = key.Sign(EvidenceClaimHasher.Digest(EvidenceClaimHasher.Domain(new BigInteger(chainId), Evidence), claim));

        Assert.Equal($"signed for chain id {chainId}, this node's chain id is {ChainId}", Explain(signature, claim));
    }

    [Fact]
    public void A_signature_for_the_participant_registry_or_the_zero_address_is_named()
    {
        var (key, claim) = NewClaim();
        Assert.Contains($"verifyingContract {Participants} (the ParticipantRegistry)",
            Explain(key.Sign(EvidenceClaimHasher.Digest(Expected with { VerifyingContract = Participants }, claim)), claim));
        Assert.Contains($"verifyingContract {EthereumAddress.Zero} (the zero address)",
            Explain(key.Sign(EvidenceClaimHasher.Digest(Expected with { VerifyingContract = EthereumAddress.Zero }, claim)), claim));
        Assert.Contains("without verifyingContract",
            Explain(key.Sign(EvidenceClaimHasher.Digest(Expected with { VerifyingContract = null }, claim)), claim));
    }

    [Fact]
    public void A_signature_over_another_type_string_is_named_with_both_strings()
    {
        var (key, claim) = NewClaim();
        var variant = SigningDomainDiagnosis.TypeStringVariants[2];
        var signature = key.Sign(SigningDomainDiagnosis.DigestWithType(Expected.Separator(), variant, claim));

        var explanation = Explain(signature, claim);

        Assert.Contains($"signed with the type string \"{variant}\"", explanation);
        Assert.Contains(EvidenceClaimHasher.EncodedType, explanation);
    }

    [Fact]
    public void The_type_string_digest_with_Traces_own_type_is_the_claim_digest()
    {
        // Guards DigestWithType's encoding: only the type hash may differ between the variants and the real digest.
        var (_, claim) = NewClaim();
        Assert.Equal(EvidenceClaimHasher.Digest(Expected, claim), SigningDomainDiagnosis.DigestWithType(Expected.Separator(), EvidenceClaimHasher.EncodedType, claim));
    }

    [Fact]
    public void A_personal_sign_of_the_digest_is_named()
    {
        var (key, claim) = NewClaim();
        var signature = key.Sign(PersonalMessage.Hash(EvidenceClaimHasher.Digest(Expected, claim)));

        Assert.StartsWith("signed the EIP-712 digest with personal_sign", Explain(signature, claim));
    }

    [Fact]
    public void A_signature_by_another_key_over_the_right_domain_gets_no_explanation()
    {
        var (_, claim) = NewClaim();
        using var other = EthereumKey.Generate();

        Assert.Null(Explain(other.Sign(EvidenceClaimHasher.Digest(Expected, claim)), claim));
        Assert.Null(Explain(other.Sign(EvidenceClaimHasher.Digest(Expected with { ChainId = 1 }, claim)), claim));
    }
}
