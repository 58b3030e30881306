using Trace.Chain.Contracts.Registries;
using Trace.Node.Tests.Contracts.Support;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts;

/// <summary>revoke and supersede sent directly by the issuer side.</summary>
[Collection(AnvilCollection.Name)]
public sealed class ClaimRevocationTests(AnvilFixture anvil) : RegistryTestBase(anvil)
{
    [Fact]
    public async Task The_issuer_revokes_its_claim_ClaimRevoked_is_emitted_and_verify_reports_REVOKED()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        var receipt = await supplier.Key.Evidence.RevokeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 3);

        var revoked = receipt.Event("ClaimRevoked");
        Assert.Equal(claim.Digest, revoked.Bytes("claimDigest"));
        Assert.Equal(supplier.Key.Address, revoked.Address("issuer"));
        Assert.Equal(supplier.Key.Address, revoked.Address("by"));
        Assert.Equal(batch.Root, revoked.Bytes("root"));
        Assert.Equal(3, (int)revoked.Number("reason"));
        var state = await World.Evidence.ClaimStateAsync(claim.Digest);
        Assert.Equal((await World.TimestampOfAsync(receipt), (ushort)3, supplier.Key.Address), (state.RevokedAt, state.RevocationReason, state.RevokedBy));
        Assert.Equal(VerificationCode.Revoked, await World.Evidence.VerifyAsync(claim.Claim, claim.Signature, batch.Root, batch.ProofOf(claim)));
    }

    [Fact]
    public async Task Another_key_of_the_issuers_participant_may_revoke()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var sibling = await World.AddKeyAsync(supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        var receipt = await sibling.Evidence.RevokeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1);

        Assert.Equal(sibling.Address, receipt.Event("ClaimRevoked").Address("by"));
        Assert.Equal(supplier.Key.Address, receipt.Event("ClaimRevoked").Address("issuer"));
    }

    [Fact]
    public async Task A_suspended_issuer_may_still_revoke()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        await World.Participants.SuspendParticipantAsync(supplier.Id, 1);

        await supplier.Key.Evidence.RevokeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 3);

        Assert.True((await World.Evidence.ClaimStateAsync(claim.Digest)).IsRevoked);
    }

    [Fact]
    public async Task Revoking_another_issuers_claim_fails_with_NotIssuer()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var rival = await World.RegisterAsync("rival", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        var error = await Reverts.WithAsync("NotIssuer", () => rival.Key.Evidence.RevokeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1));

        Assert.Equal(rival.Key.Address, error.Revert.Arguments.Address("actor"));
        Assert.Equal(supplier.Key.Address, error.Revert.Arguments.Address("issuer"));
        Assert.Equal(VerificationCode.Valid, await World.Evidence.VerifyAsync(claim.Claim, claim.Signature, batch.Root, batch.ProofOf(claim)));
    }

    [Fact]
    public async Task The_operator_cannot_revoke_a_suppliers_claim()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        await Reverts.WithAsync("NotIssuer", () => World.Evidence.RevokeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1));
    }

    [Fact]
    public async Task A_retired_issuer_key_cannot_revoke_NotIssuer()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        await World.Participants.RetireKeyAsync(supplier.Key.Address, KeyRetirementReason.Retired);

        await Reverts.WithAsync("NotIssuer", () => supplier.Key.Evidence.RevokeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1));
    }

    [Fact]
    public async Task Revoking_twice_fails_with_ClaimAlreadyRevoked()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        await supplier.Key.Evidence.RevokeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1);

        var error = await Reverts.WithAsync("ClaimAlreadyRevoked", () => supplier.Key.Evidence.RevokeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 2));
        Assert.Equal(claim.Digest, error.Revert.Arguments.Bytes("claimDigest"));
    }

    [Fact]
    public async Task Revoking_through_a_root_never_anchored_fails_with_UnknownRoot()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        var unknownRoot = RegistryWorld.RandomBytes32();

        var error = await Reverts.WithAsync("UnknownRoot", () => supplier.Key.Evidence.RevokeAsync(claim.Claim, unknownRoot, batch.ProofOf(claim), 1));
        Assert.Equal(unknownRoot, error.Revert.Arguments.Bytes("root"));
    }

    [Fact]
    public async Task Revoking_with_the_proof_of_another_leaf_fails_with_InvalidProof()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var other = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim, other);

        var error = await Reverts.WithAsync("InvalidProof", () => supplier.Key.Evidence.RevokeAsync(claim.Claim, batch.Root, batch.ProofOf(other), 1));

        Assert.Equal(claim.Digest, error.Revert.Arguments.Bytes("claimDigest"));
        Assert.Equal(batch.Root, error.Revert.Arguments.Bytes("root"));
    }

    [Fact]
    public async Task The_issuer_supersedes_its_claim_ClaimSuperseded_is_emitted_and_verify_reports_SUPERSEDED()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var successor = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        var receipt = await supplier.Key.Evidence.SupersedeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), successor.Digest);

        var superseded = receipt.Event("ClaimSuperseded");
        Assert.Equal(claim.Digest, superseded.Bytes("claimDigest"));
        Assert.Equal(successor.Digest, superseded.Bytes("newClaimDigest"));
        Assert.Equal(supplier.Key.Address, superseded.Address("by"));
        Assert.Equal(supplier.Key.Address, superseded.Address("issuer"));
        Assert.Equal(batch.Root, superseded.Bytes("root"));
        var state = await World.Evidence.ClaimStateAsync(claim.Digest);
        Assert.Equal(successor.Digest, state.SupersededBy);
        Assert.Equal(await World.TimestampOfAsync(receipt), state.SupersededAt);
        Assert.Equal(supplier.Key.Address, state.SupersededByActor);
        Assert.Equal(VerificationCode.Superseded, await World.Evidence.VerifyAsync(claim.Claim, claim.Signature, batch.Root, batch.ProofOf(claim)));
    }

    [Fact]
    public async Task A_superseded_claim_may_still_be_revoked_and_then_reports_REVOKED()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        await supplier.Key.Evidence.SupersedeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), RegistryWorld.RandomBytes32());

        await supplier.Key.Evidence.RevokeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 4);

        Assert.Equal(VerificationCode.Revoked, await World.Evidence.VerifyAsync(claim.Claim, claim.Signature, batch.Root, batch.ProofOf(claim)));
    }

    [Fact]
    public async Task Superseding_by_zero_or_by_itself_fails_with_InvalidSuccessor()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        await Reverts.WithAsync("InvalidSuccessor", () => supplier.Key.Evidence.SupersedeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), new byte[32]));
        await Reverts.WithAsync("InvalidSuccessor", () => supplier.Key.Evidence.SupersedeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), claim.Digest));
    }

    [Fact]
    public async Task Superseding_twice_fails_with_ClaimAlreadySuperseded()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        var first = RegistryWorld.RandomBytes32();
        await supplier.Key.Evidence.SupersedeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), first);

        var error = await Reverts.WithAsync("ClaimAlreadySuperseded", () =>
            supplier.Key.Evidence.SupersedeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), RegistryWorld.RandomBytes32()));
        Assert.Equal(first, error.Revert.Arguments.Bytes("supersededBy"));
    }

    [Fact]
    public async Task Superseding_a_revoked_claim_fails_with_ClaimAlreadyRevoked()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        await supplier.Key.Evidence.RevokeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1);

        await Reverts.WithAsync("ClaimAlreadyRevoked", () =>
            supplier.Key.Evidence.SupersedeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), RegistryWorld.RandomBytes32()));
    }

    [Fact]
    public async Task Superseding_another_issuers_claim_fails_with_NotIssuer()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var rival = await World.RegisterAsync("rival", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        await Reverts.WithAsync("NotIssuer", () =>
            rival.Key.Evidence.SupersedeAsync(claim.Claim, batch.Root, batch.ProofOf(claim), RegistryWorld.RandomBytes32()));
    }
}
