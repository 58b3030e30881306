using Trace.Chain.Contracts.Registries;
using Trace.Node.Tests.Contracts.Support;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts;

/// <summary>flag / unflag: one open flag per regulator participant; flags never change verify().</summary>
[Collection(AnvilCollection.Name)]
public sealed class ClaimFlagTests(AnvilFixture anvil) : RegistryTestBase(anvil)
{
    [Fact]
    public async Task A_regulator_flags_ClaimFlagged_is_emitted_the_flag_is_open_and_verify_still_reports_VALID()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var regulator = await World.RegisterAsync("customs", ParticipantRoles.Regulator);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        var receipt = await regulator.Key.Evidence.FlagAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 3);

        var flagged = receipt.Event("ClaimFlagged");
        Assert.Equal(claim.Digest, flagged.Bytes("claimDigest"));
        Assert.Equal(regulator.Id, flagged.Bytes("regulatorId"));
        Assert.Equal(regulator.Key.Address, flagged.Address("by"));
        Assert.Equal(batch.Root, flagged.Bytes("root"));
        Assert.Equal(3, (int)flagged.Number("reason"));
        Assert.Equal(1u, (await World.Evidence.ClaimStateAsync(claim.Digest)).OpenFlags);
        Assert.Equal(new ClaimMark(await World.TimestampOfAsync(receipt), 3, regulator.Key.Address), await World.Evidence.FlagOfAsync(claim.Digest, regulator.Id));
        Assert.Equal(VerificationCode.Valid, await World.Evidence.VerifyAsync(claim.Claim, claim.Signature, batch.Root, batch.ProofOf(claim)));
    }

    [Fact]
    public async Task Unflagging_emits_ClaimUnflagged_closes_the_flag_and_allows_a_new_one()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var regulator = await World.RegisterAsync("customs", ParticipantRoles.Regulator);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        await regulator.Key.Evidence.FlagAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1);

        var receipt = await regulator.Key.Evidence.UnflagAsync(claim.Digest, 2);

        var unflagged = receipt.Event("ClaimUnflagged");
        Assert.Equal(claim.Digest, unflagged.Bytes("claimDigest"));
        Assert.Equal(regulator.Id, unflagged.Bytes("regulatorId"));
        Assert.Equal(regulator.Key.Address, unflagged.Address("by"));
        Assert.Equal(2, (int)unflagged.Number("reason"));
        Assert.Equal(0u, (await World.Evidence.ClaimStateAsync(claim.Digest)).OpenFlags);
        Assert.False((await World.Evidence.FlagOfAsync(claim.Digest, regulator.Id)).Exists);
        await regulator.Key.Evidence.FlagAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 5);
        Assert.Equal(1u, (await World.Evidence.ClaimStateAsync(claim.Digest)).OpenFlags);
    }

    [Fact]
    public async Task A_verifier_cannot_flag_Unauthorised_with_RoleMissing()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var verifier = await World.RegisterAsync("verifier", ParticipantRoles.Verifier);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        var error = await Reverts.WithAsync("Unauthorised", () => verifier.Key.Evidence.FlagAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1));

        Assert.Equal((int)ParticipantRoles.Regulator, (int)error.Revert.Arguments.Number("requiredRoles"));
        Assert.Equal((int)KeyStanding.RoleMissing, (int)error.Revert.Arguments.Number("standing"));
    }

    [Fact]
    public async Task Flagging_twice_by_the_same_regulator_fails_with_AlreadyFlagged_while_another_regulator_may_flag()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var customs = await World.RegisterAsync("customs", ParticipantRoles.Regulator);
        var cbam = await World.RegisterAsync("cbam-authority", ParticipantRoles.Regulator);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        await customs.Key.Evidence.FlagAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1);

        var error = await Reverts.WithAsync("AlreadyFlagged", () => customs.Key.Evidence.FlagAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 2));
        Assert.Equal(customs.Id, error.Revert.Arguments.Bytes("regulatorId"));

        await cbam.Key.Evidence.FlagAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 2);
        Assert.Equal(2u, (await World.Evidence.ClaimStateAsync(claim.Digest)).OpenFlags);
    }

    [Fact]
    public async Task Flagging_needs_an_anchored_root_and_the_claims_own_proof()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var regulator = await World.RegisterAsync("customs", ParticipantRoles.Regulator);
        var claim = World.Issue(supplier.Key.Key);
        var other = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim, other);

        await Reverts.WithAsync("UnknownRoot", () => regulator.Key.Evidence.FlagAsync(claim.Claim, RegistryWorld.RandomBytes32(), batch.ProofOf(claim), 1));
        await Reverts.WithAsync("InvalidProof", () => regulator.Key.Evidence.FlagAsync(claim.Claim, batch.Root, batch.ProofOf(other), 1));
    }

    [Fact]
    public async Task Unflagging_without_an_open_flag_of_ones_own_fails_with_NotFlagged()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var customs = await World.RegisterAsync("customs", ParticipantRoles.Regulator);
        var cbam = await World.RegisterAsync("cbam-authority", ParticipantRoles.Regulator);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);

        await Reverts.WithAsync("NotFlagged", () => customs.Key.Evidence.UnflagAsync(claim.Digest, 1));
        await customs.Key.Evidence.FlagAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1);
        var error = await Reverts.WithAsync("NotFlagged", () => cbam.Key.Evidence.UnflagAsync(claim.Digest, 1));
        Assert.Equal(cbam.Id, error.Revert.Arguments.Bytes("regulatorId"));
    }

    [Fact]
    public async Task A_non_regulator_cannot_unflag_Unauthorised()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var regulator = await World.RegisterAsync("customs", ParticipantRoles.Regulator);
        var claim = World.Issue(supplier.Key.Key);
        var batch = await World.AnchorAsync(claim);
        await regulator.Key.Evidence.FlagAsync(claim.Claim, batch.Root, batch.ProofOf(claim), 1);

        await Reverts.WithAsync("Unauthorised", () => supplier.Key.Evidence.UnflagAsync(claim.Digest, 1));
    }
}
