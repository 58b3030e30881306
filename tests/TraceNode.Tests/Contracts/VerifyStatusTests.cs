using Trace.Chain.Contracts.Registries;
using Trace.Client.Verification;
using Trace.Domain;
using Trace.Node.Tests.Contracts.Support;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts;

/// <summary>verify() returns every one of its status codes, each for the reason docs/contracts.md gives.</summary>
[Collection(AnvilCollection.Name)]
public sealed class VerifyStatusTests(AnvilFixture anvil) : RegistryTestBase(anvil)
{
    [Fact]
    public async Task A_claim_by_an_active_supplier_in_an_anchored_root_is_VALID()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key, (byte)RecordKind.ProductCarbonFootprint);
        var batch = await World.AnchorAsync(claim);

        Assert.Equal(VerificationCode.Valid, await VerifyAsync(claim, batch));
        Assert.Equal(VerificationStatus.Verified, VerificationCode.Valid.ToVerificationStatus());
    }

    [Fact]
    public async Task A_root_never_anchored_is_UNKNOWN_ROOT()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        Assert.Equal(VerificationCode.UnknownRoot, await World.Evidence.VerifyAsync(claim.Claim, claim.Signature, RegistryWorld.RandomBytes32(), batch.ProofOf(claim)));
    }

    [Fact]
    public async Task The_proof_of_another_leaf_is_BAD_PROOF()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var other = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim, other);

        Assert.Equal(VerificationCode.BadProof, await World.Evidence.VerifyAsync(claim.Claim, claim.Signature, batch.Root, batch.ProofOf(other)));
    }

    [Fact]
    public async Task A_claim_whose_fields_changed_after_anchoring_is_BAD_PROOF()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        var altered = claim.Claim with { ContentHash = RegistryWorld.RandomBytes32() };

        Assert.Equal(VerificationCode.BadProof, await World.Evidence.VerifyAsync(altered, claim.Signature, batch.Root, batch.ProofOf(claim)));
    }

    [Fact]
    public async Task A_signature_by_another_key_or_a_malformed_one_is_BAD_SIGNATURE()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var rival = await World.RegisterAsync("rival", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        var wrongKey = rival.Key.Key.Sign(claim.Digest).ToBytes65();

        Assert.Equal(VerificationCode.BadSignature, await World.Evidence.VerifyAsync(claim.Claim, wrongKey, batch.Root, batch.ProofOf(claim)));
        Assert.Equal(VerificationCode.BadSignature, await World.Evidence.VerifyAsync(claim.Claim, claim.Signature[..64], batch.Root, batch.ProofOf(claim)));
    }

    [Fact]
    public async Task A_key_never_registered_is_UNKNOWN_ISSUER()
    {
        var stranger = await World.NewActorAsync();
        var claim = World.Issue(stranger.Key);
        var batch = await World.AnchorAsync(claim);

        Assert.Equal(VerificationCode.UnknownIssuer, await VerifyAsync(claim, batch));
    }

    [Fact]
    public async Task A_key_registered_only_after_the_root_was_anchored_is_UNKNOWN_ISSUER()
    {
        var late = await World.NewActorAsync();
        var claim = World.Issue(late.Key);
        var batch = await World.AnchorAsync(claim);
        await World.AdvanceTimeAsync();

        await World.Participants.RegisterParticipantAsync(RegistryWorld.RandomBytes32(), "", new byte[32], ParticipantRoles.Supplier, [late.Address]);

        Assert.Equal(VerificationCode.UnknownIssuer, await VerifyAsync(claim, batch));
    }

    [Fact]
    public async Task A_retired_key_makes_later_roots_KEY_RETIRED_while_earlier_roots_stay_VALID()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var before = World.Issue(supplier.Key.Key);
        var beforeBatch = await World.AnchorAsync(before);
        await World.AdvanceTimeAsync();
        await World.Participants.RetireKeyAsync(supplier.Key.Address, KeyRetirementReason.Compromised);
        await World.AdvanceTimeAsync();

        var after = World.Issue(supplier.Key.Key);
        var afterBatch = await World.AnchorAsync(after);

        Assert.Equal(VerificationCode.Valid, await VerifyAsync(before, beforeBatch));
        Assert.Equal(VerificationCode.KeyRetired, await VerifyAsync(after, afterBatch));
    }

    [Fact]
    public async Task A_claim_signed_before_retirement_but_anchored_after_it_is_KEY_RETIRED()
    {
        // The anchoring time is the only time the chain vouches for; issuedAt is the signer's own word.
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        await World.AdvanceTimeAsync();
        await World.Participants.RetireKeyAsync(supplier.Key.Address, KeyRetirementReason.Retired);
        await World.AdvanceTimeAsync();

        var batch = await World.AnchorAsync(claim);

        Assert.Equal(VerificationCode.KeyRetired, await VerifyAsync(claim, batch));
    }

    [Fact]
    public async Task A_suspended_issuer_is_ISSUER_SUSPENDED_for_roots_anchored_during_the_suspension_only()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var early = World.Issue(supplier.Key.Key);
        var earlyBatch = await World.AnchorAsync(early);
        await World.AdvanceTimeAsync();
        await World.Participants.SuspendParticipantAsync(supplier.Id, 1);
        await World.AdvanceTimeAsync();
        var during = World.Issue(supplier.Key.Key);
        var duringBatch = await World.AnchorAsync(during);
        await World.AdvanceTimeAsync();
        await World.Participants.ReactivateParticipantAsync(supplier.Id);
        await World.AdvanceTimeAsync();
        var late = World.Issue(supplier.Key.Key);
        var lateBatch = await World.AnchorAsync(late);

        Assert.Equal(VerificationCode.Valid, await VerifyAsync(early, earlyBatch));
        Assert.Equal(VerificationCode.IssuerSuspended, await VerifyAsync(during, duringBatch));
        Assert.Equal(VerificationCode.Valid, await VerifyAsync(late, lateBatch));
    }

    [Fact]
    public async Task A_buyer_issuing_a_claim_is_ISSUER_NOT_AUTHORISED()
    {
        var buyer = await World.RegisterAsync("buyer", ParticipantRoles.Buyer);
        var claim = World.Issue(buyer.Key.Key);
        var batch = await World.AnchorAsync(claim);

        Assert.Equal(VerificationCode.IssuerNotAuthorised, await VerifyAsync(claim, batch));
    }

    [Fact]
    public async Task An_undefined_kind_is_ISSUER_NOT_AUTHORISED_even_for_a_supplier()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key, kind: 9);
        var batch = await World.AnchorAsync(claim);

        Assert.Equal(ParticipantRoles.None, await World.Evidence.AllowedIssuerRolesAsync(9));
        Assert.Equal(ParticipantRoles.Supplier | ParticipantRoles.Carrier | ParticipantRoles.Verifier, await World.Evidence.AllowedIssuerRolesAsync((byte)RecordKind.Shipment));
        Assert.Equal(VerificationCode.IssuerNotAuthorised, await VerifyAsync(claim, batch));
    }

    [Fact]
    public async Task Revoked_and_superseded_claims_are_REVOKED_and_SUPERSEDED()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var revoked = World.Issue(supplier.Key.Key);
        var superseded = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(revoked, superseded);

        await supplier.Key.Evidence.RevokeAsync(revoked.Claim, batch.Root, batch.ProofOf(revoked), 1);
        await supplier.Key.Evidence.SupersedeAsync(superseded.Claim, batch.Root, batch.ProofOf(superseded), RegistryWorld.RandomBytes32());

        Assert.Equal(VerificationCode.Revoked, await VerifyAsync(revoked, batch));
        Assert.Equal(VerificationCode.Superseded, await VerifyAsync(superseded, batch));
    }

    private Task<VerificationCode> VerifyAsync(SignedClaim claim, AnchoredBatch batch) =>
        World.Evidence.VerifyAsync(claim.Claim, claim.Signature, batch.Root, batch.ProofOf(claim));
}
