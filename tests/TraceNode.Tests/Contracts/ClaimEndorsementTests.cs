using Trace.Chain.Contracts.Registries;
using Trace.Node.Tests.Contracts.Support;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts;

/// <summary>endorse: one endorsement per verifier participant, never by the issuer's own participant.</summary>
[Collection(AnvilCollection.Name)]
public sealed class ClaimEndorsementTests(AnvilFixture anvil) : RegistryTestBase(anvil)
{
    [Fact]
    public async Task A_verifier_endorses_ClaimEndorsed_is_emitted_and_the_claim_counts_it()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var verifier = await World.RegisterAsync("verifier", ParticipantRoles.Verifier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        var receipt = await verifier.Key.Evidence.EndorseAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1);

        var endorsed = receipt.Event("ClaimEndorsed");
        Assert.Equal(claim.Digest, endorsed.Bytes("claimDigest"));
        Assert.Equal(verifier.Id, endorsed.Bytes("verifierId"));
        Assert.Equal(verifier.Key.Address, endorsed.Address("by"));
        Assert.Equal(batch.Root, endorsed.Bytes("root"));
        Assert.Equal(1, (int)endorsed.Number("code"));
        Assert.Equal(1u, (await World.Evidence.ClaimStateAsync(claim.Digest)).Endorsements);
        Assert.Equal(new ClaimMark(await World.TimestampOfAsync(receipt), 1, verifier.Key.Address), await World.Evidence.EndorsementOfAsync(claim.Digest, verifier.Id));
        Assert.Equal(VerificationCode.Valid, await World.Evidence.VerifyAsync(claim.Claim, claim.Signature, batch.Root, batch.ProofOf(claim)));
    }

    [Fact]
    public async Task Two_verifier_participants_each_endorse_once()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var first = await World.RegisterAsync("verifier-1", ParticipantRoles.Verifier);
        var second = await World.RegisterAsync("verifier-2", ParticipantRoles.Verifier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        await first.Key.Evidence.EndorseAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1);
        await second.Key.Evidence.EndorseAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 2);

        Assert.Equal(2u, (await World.Evidence.ClaimStateAsync(claim.Digest)).Endorsements);
        Assert.Equal(2, (await World.Evidence.EndorsementOfAsync(claim.Digest, second.Id)).Code);
    }

    [Fact]
    public async Task A_supplier_cannot_endorse_Unauthorised_with_RoleMissing()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var other = await World.RegisterAsync("other-supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        var error = await Reverts.WithAsync("Unauthorised", () => other.Key.Evidence.EndorseAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1));

        Assert.Equal(other.Key.Address, error.Revert.Arguments.Address("account"));
        Assert.Equal((int)ParticipantRoles.Verifier, (int)error.Revert.Arguments.Number("requiredRoles"));
        Assert.Equal((int)KeyStanding.RoleMissing, (int)error.Revert.Arguments.Number("standing"));
    }

    [Fact]
    public async Task A_suspended_verifier_cannot_endorse_Unauthorised_with_ParticipantSuspended()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var verifier = await World.RegisterAsync("verifier", ParticipantRoles.Verifier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        await World.Participants.SuspendParticipantAsync(verifier.Id, 2);

        var error = await Reverts.WithAsync("Unauthorised", () => verifier.Key.Evidence.EndorseAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1));
        Assert.Equal((int)KeyStanding.ParticipantSuspended, (int)error.Revert.Arguments.Number("standing"));
    }

    [Fact]
    public async Task A_second_key_of_the_same_verifier_cannot_endorse_again_AlreadyEndorsed()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var verifier = await World.RegisterAsync("verifier", ParticipantRoles.Verifier);
        var sibling = await World.AddKeyAsync(verifier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        await verifier.Key.Evidence.EndorseAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1);

        var error = await Reverts.WithAsync("AlreadyEndorsed", () => sibling.Evidence.EndorseAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 2));
        Assert.Equal(verifier.Id, error.Revert.Arguments.Bytes("verifierId"));
    }

    [Fact]
    public async Task A_verifier_cannot_endorse_its_own_participants_claim_SelfEndorsement()
    {
        var verifier = await World.RegisterAsync("verifier", ParticipantRoles.Verifier);
        var claim = World.Issue(verifier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        var error = await Reverts.WithAsync("SelfEndorsement", () => verifier.Key.Evidence.EndorseAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1));
        Assert.Equal(verifier.Id, error.Revert.Arguments.Bytes("participantId"));
    }

    [Fact]
    public async Task Endorsing_a_revoked_claim_fails_with_ClaimAlreadyRevoked()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var verifier = await World.RegisterAsync("verifier", ParticipantRoles.Verifier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        await supplier.Key.Evidence.RevokeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1);

        await Reverts.WithAsync("ClaimAlreadyRevoked", () => verifier.Key.Evidence.EndorseAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1));
    }

    [Fact]
    public async Task Endorsing_a_superseded_claim_fails_with_ClaimAlreadySuperseded()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var verifier = await World.RegisterAsync("verifier", ParticipantRoles.Verifier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        await supplier.Key.Evidence.SupersedeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), RegistryWorld.RandomBytes32());

        await Reverts.WithAsync("ClaimAlreadySuperseded", () => verifier.Key.Evidence.EndorseAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1));
    }

    [Fact]
    public async Task Endorsing_needs_an_anchored_root_and_the_claims_own_proof()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var verifier = await World.RegisterAsync("verifier", ParticipantRoles.Verifier);
        var claim = World.Issue(supplier.Key.Key);
        var other = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim, other);

        await Reverts.WithAsync("UnknownRoot", () => verifier.Key.Evidence.EndorseAsync(claim.Claim, RegistryWorld.RandomBytes32(), batch.ProofOf(claim), 1));
        await Reverts.WithAsync("InvalidProof", () => verifier.Key.Evidence.EndorseAsync(claim.Claim, batch.Root, batch.ProofOf(other), 1));
    }
}
