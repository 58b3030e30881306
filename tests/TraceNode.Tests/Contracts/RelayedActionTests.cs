using System.Numerics;
using Trace.Chain.Contracts.Registries;
using Trace.Node.Tests.Contracts.Support;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts;

/// <summary>The ...BySig actions, relayed by the operator with the actor's EIP-712 signature from <see cref="RelayedMessageSigner"/>.</summary>
[Collection(AnvilCollection.Name)]
public sealed class RelayedActionTests(AnvilFixture anvil) : RegistryTestBase(anvil)
{
    [Fact]
    public async Task A_relayed_revocation_revokes_in_the_issuers_name_and_consumes_its_nonce()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        var signature = await World.Relay.SignRevocationAsync(supplier.Key.Key, claim.Digest, 2, await World.DeadlineAsync());
        Assert.Equal(BigInteger.Zero, signature.Nonce);

        var receipt = await World.Evidence.RevokeBySigAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 2, signature);

        Assert.Equal(World.Operator.Address, receipt.Receipt.From);
        var revoked = receipt.Event("ClaimRevoked");
        Assert.Equal(supplier.Key.Address, revoked.Address("by"));
        Assert.Equal(2, (int)revoked.Number("reason"));
        Assert.Equal(BigInteger.One, await World.Evidence.NonceOfAsync(supplier.Key.Address));
        Assert.Equal(VerificationCode.Revoked, await World.Evidence.VerifyAsync(claim.Claim, claim.Signature, batch.Root, batch.ProofOf(claim)));
    }

    [Fact]
    public async Task A_relayed_supersession_supersedes_in_the_issuers_name()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var successor = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        var signature = await World.Relay.SignSupersessionAsync(supplier.Key.Key, claim.Digest, successor.Digest, await World.DeadlineAsync());

        var receipt = await World.Evidence.SupersedeBySigAsync(claim.Claim, batch.Root, batch.ProofOf(claim), successor.Digest, signature);

        var superseded = receipt.Event("ClaimSuperseded");
        Assert.Equal(successor.Digest, superseded.Bytes("newClaimDigest"));
        Assert.Equal(supplier.Key.Address, superseded.Address("by"));
        Assert.Equal(VerificationCode.Superseded, await World.Evidence.VerifyAsync(claim.Claim, claim.Signature, batch.Root, batch.ProofOf(claim)));
    }

    [Fact]
    public async Task A_relayed_endorsement_endorses_in_the_verifiers_name()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var verifier = await World.RegisterAsync("verifier", ParticipantRoles.Verifier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        var signature = await World.Relay.SignEndorsementAsync(verifier.Key.Key, claim.Digest, 1, await World.DeadlineAsync());

        var receipt = await World.Evidence.EndorseBySigAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1, signature);

        var endorsed = receipt.Event("ClaimEndorsed");
        Assert.Equal(verifier.Id, endorsed.Bytes("verifierId"));
        Assert.Equal(verifier.Key.Address, endorsed.Address("by"));
        Assert.Equal(1u, (await World.Evidence.ClaimStateAsync(claim.Digest)).Endorsements);
    }

    [Fact]
    public async Task Relayed_flag_and_unflag_act_in_the_regulators_name_with_consecutive_nonces()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var regulator = await World.RegisterAsync("customs", ParticipantRoles.Regulator);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        var flag = await World.Relay.SignFlagAsync(regulator.Key.Key, claim.Digest, 1, await World.DeadlineAsync());
        var flagged = await World.Evidence.FlagBySigAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1, flag);
        var unflag = await World.Relay.SignUnflagAsync(regulator.Key.Key, claim.Digest, 1, await World.DeadlineAsync());
        var unflagged = await World.Evidence.UnflagBySigAsync(claim.Digest, 1, unflag);

        Assert.Equal((BigInteger.Zero, BigInteger.One), (flag.Nonce, unflag.Nonce));
        Assert.Equal(regulator.Id, flagged.Event("ClaimFlagged").Bytes("regulatorId"));
        Assert.Equal(regulator.Key.Address, unflagged.Event("ClaimUnflagged").Address("by"));
        Assert.Equal(0u, (await World.Evidence.ClaimStateAsync(claim.Digest)).OpenFlags);
    }

    [Fact]
    public async Task Replaying_a_relayed_signature_fails_with_InvalidAccountNonce()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var regulator = await World.RegisterAsync("customs", ParticipantRoles.Regulator);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        var flag = await World.Relay.SignFlagAsync(regulator.Key.Key, claim.Digest, 1, await World.DeadlineAsync());
        await World.Evidence.FlagBySigAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1, flag);
        await regulator.Key.Evidence.UnflagAsync(claim.Digest, 2);

        // The flag is closed, so only the nonce stops the same signed Flag from reopening it.
        var error = await Reverts.WithAsync("InvalidAccountNonce", () => World.Evidence.FlagBySigAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1, flag));

        Assert.Equal(regulator.Key.Address, error.Revert.Arguments.Address("account"));
        Assert.Equal(BigInteger.One, error.Revert.Arguments.Number("currentNonce"));
    }

    [Fact]
    public async Task A_signature_with_a_future_nonce_fails_with_InvalidAccountNonce()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        var signature = World.Relay.SignRevocation(supplier.Key.Key, claim.Digest, 1, nonce: 1, await World.DeadlineAsync());

        await Reverts.WithAsync("InvalidAccountNonce", () => World.Evidence.RevokeBySigAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1, signature));
    }

    [Fact]
    public async Task A_revocation_signed_by_another_key_in_the_issuers_name_fails_with_InvalidRelayedSignature()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var rival = await World.RegisterAsync("rival", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        var forged = await World.Relay.SignRevocationAsync(rival.Key.Key, claim.Digest, 1, await World.DeadlineAsync()) with { Signer = supplier.Key.Address };

        var error = await Reverts.WithAsync("InvalidRelayedSignature", () => World.Evidence.RevokeBySigAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1, forged));

        Assert.Equal(supplier.Key.Address, error.Revert.Arguments.Address("signer"));
        Assert.Equal(BigInteger.Zero, await World.Evidence.NonceOfAsync(supplier.Key.Address));
    }

    [Fact]
    public async Task A_revocation_validly_signed_by_another_participants_key_fails_with_NotIssuer()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var rival = await World.RegisterAsync("rival", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        var signature = await World.Relay.SignRevocationAsync(rival.Key.Key, claim.Digest, 1, await World.DeadlineAsync());

        var error = await Reverts.WithAsync("NotIssuer", () => World.Evidence.RevokeBySigAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1, signature));
        Assert.Equal(rival.Key.Address, error.Revert.Arguments.Address("actor"));
    }

    [Fact]
    public async Task Submitting_another_reason_than_the_signed_one_fails_with_InvalidRelayedSignature()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        var signature = await World.Relay.SignRevocationAsync(supplier.Key.Key, claim.Digest, 1, await World.DeadlineAsync());

        await Reverts.WithAsync("InvalidRelayedSignature", () => World.Evidence.RevokeBySigAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 4, signature));
    }

    [Fact]
    public async Task A_signature_past_its_deadline_fails_with_SignatureExpired()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        var deadline = await World.NowAsync() + 30;
        var signature = await World.Relay.SignRevocationAsync(supplier.Key.Key, claim.Digest, 1, deadline);
        await World.AdvanceTimeAsync(120);

        var error = await Reverts.WithAsync("SignatureExpired", () => World.Evidence.RevokeBySigAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1, signature));

        Assert.Equal(deadline, (ulong)error.Revert.Arguments.Number("deadline"));
        Assert.True(error.Revert.Arguments.Number("nowTimestamp") > deadline);
    }

    [Fact]
    public async Task A_relayed_endorsement_by_a_non_verifier_fails_with_Unauthorised()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var buyer = await World.RegisterAsync("buyer", ParticipantRoles.Buyer);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        var signature = await World.Relay.SignEndorsementAsync(buyer.Key.Key, claim.Digest, 1, await World.DeadlineAsync());

        var error = await Reverts.WithAsync("Unauthorised", () => World.Evidence.EndorseBySigAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1, signature));
        Assert.Equal(buyer.Key.Address, error.Revert.Arguments.Address("account"));
    }

    [Fact]
    public async Task A_relayed_action_through_an_unknown_root_fails_with_UnknownRoot_before_the_signature_is_checked()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        var signature = await World.Relay.SignRevocationAsync(supplier.Key.Key, claim.Digest, 1, await World.DeadlineAsync()) with { Signature = new byte[65] };

        await Reverts.WithAsync("UnknownRoot", () => World.Evidence.RevokeBySigAsync(claim.Claim, RegistryWorld.RandomBytes32(), batch.ProofOf(claim), 1, signature));
    }

    [Fact]
    public async Task A_relayed_unflag_signed_for_another_claim_fails_with_InvalidRelayedSignature()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var regulator = await World.RegisterAsync("customs", ParticipantRoles.Regulator);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        await regulator.Key.Evidence.FlagAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1);
        var signature = await World.Relay.SignUnflagAsync(regulator.Key.Key, RegistryWorld.RandomBytes32(), 1, await World.DeadlineAsync());

        await Reverts.WithAsync("InvalidRelayedSignature", () => World.Evidence.UnflagBySigAsync(claim.Digest, 1, signature));
    }
}
