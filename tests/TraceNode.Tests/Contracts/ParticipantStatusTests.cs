using Trace.Chain.Contracts.Registries;
using Trace.Node.Tests.Contracts.Support;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts;

/// <summary>Suspension, reactivation and role changes, and how standingAt sees them over time.</summary>
[Collection(AnvilCollection.Name)]
public sealed class ParticipantStatusTests(AnvilFixture anvil) : RegistryTestBase(anvil)
{
    [Fact]
    public async Task Suspension_emits_ParticipantSuspended_and_the_key_stands_suspended_from_that_block_only()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        await World.AdvanceTimeAsync();
        var before = await World.NowAsync();
        await World.AdvanceTimeAsync();

        var receipt = await World.Participants.SuspendParticipantAsync(supplier.Id, 3);

        var suspendedAt = await World.TimestampOfAsync(receipt);
        var suspended = receipt.Event("ParticipantSuspended");
        Assert.Equal(supplier.Id, suspended.Bytes("id"));
        Assert.Equal(3, (int)suspended.Number("reason"));
        Assert.Equal(World.Operator.Address, suspended.Address("by"));
        Assert.Equal(suspendedAt, (ulong)suspended.Number("effectiveAt"));
        Assert.False((await World.Participants.ParticipantAsync(supplier.Id)).Active);
        Assert.Equal(KeyStanding.ParticipantSuspended, (await World.Participants.StandingAtAsync(supplier.Key.Address, ParticipantRoles.Supplier, suspendedAt)).Standing);
        Assert.Equal(KeyStanding.Authorised, (await World.Participants.StandingAtAsync(supplier.Key.Address, ParticipantRoles.Supplier, before)).Standing);
        Assert.Equal(new ParticipantStatus(true, ParticipantRoles.Supplier), await World.Participants.StatusAtAsync(supplier.Id, before));
        Assert.Equal(new ParticipantStatus(false, ParticipantRoles.Supplier), await World.Participants.StatusAtAsync(supplier.Id, suspendedAt));
    }

    [Fact]
    public async Task Reactivation_emits_ParticipantReactivated_and_restores_the_standing()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        await World.Participants.SuspendParticipantAsync(supplier.Id, 1);
        await World.AdvanceTimeAsync();

        var receipt = await World.Participants.ReactivateParticipantAsync(supplier.Id);

        var reactivated = receipt.Event("ParticipantReactivated");
        Assert.Equal(supplier.Id, reactivated.Bytes("id"));
        Assert.Equal(World.Operator.Address, reactivated.Address("by"));
        var at = await World.TimestampOfAsync(receipt);
        Assert.Equal(at, (ulong)reactivated.Number("effectiveAt"));
        Assert.True((await World.Participants.ParticipantAsync(supplier.Id)).Active);
        Assert.True(await World.Participants.IsAuthorisedAtAsync(supplier.Key.Address, ParticipantRoles.Supplier, at));
    }

    [Fact]
    public async Task Suspending_a_suspended_participant_fails_with_ParticipantAlreadySuspended()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        await World.Participants.SuspendParticipantAsync(supplier.Id, 1);

        var error = await Reverts.WithAsync("ParticipantAlreadySuspended", () => World.Participants.SuspendParticipantAsync(supplier.Id, 1));
        Assert.Equal(supplier.Id, error.Revert.Arguments.Bytes("id"));
    }

    [Fact]
    public async Task Reactivating_an_active_participant_fails_with_ParticipantNotSuspended()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        await Reverts.WithAsync("ParticipantNotSuspended", () => World.Participants.ReactivateParticipantAsync(supplier.Id));
    }

    [Fact]
    public async Task Suspending_or_reactivating_an_unknown_participant_fails_with_UnknownParticipant()
    {
        await Reverts.WithAsync("UnknownParticipant", () => World.Participants.SuspendParticipantAsync(RegistryWorld.RandomBytes32(), 1));
        await Reverts.WithAsync("UnknownParticipant", () => World.Participants.ReactivateParticipantAsync(RegistryWorld.RandomBytes32()));
    }

    [Fact]
    public async Task A_non_admin_cannot_suspend_reactivate_or_change_roles()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var regulator = await World.RegisterAsync("regulator", ParticipantRoles.Regulator);

        await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => regulator.Key.Participants.SuspendParticipantAsync(supplier.Id, 4));
        await World.Participants.SuspendParticipantAsync(supplier.Id, 4);
        await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => supplier.Key.Participants.ReactivateParticipantAsync(supplier.Id));
        await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => supplier.Key.Participants.GrantRolesAsync(supplier.Id, ParticipantRoles.Verifier));
        await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => supplier.Key.Participants.RevokeRolesAsync(supplier.Id, ParticipantRoles.Supplier));
    }

    [Fact]
    public async Task Granting_and_revoking_roles_emit_the_new_mask_and_standing_follows_it()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        await World.AdvanceTimeAsync();

        var granted = await World.Participants.GrantRolesAsync(supplier.Id, ParticipantRoles.Verifier);
        var grantedAt = await World.TimestampOfAsync(granted);
        await World.AdvanceTimeAsync();
        var revoked = await World.Participants.RevokeRolesAsync(supplier.Id, ParticipantRoles.Supplier);
        var revokedAt = await World.TimestampOfAsync(revoked);

        var grant = granted.Event("RolesGranted");
        Assert.Equal((8, 10), ((int)grant.Number("roles"), (int)grant.Number("newRoles")));
        Assert.Equal(grantedAt, (ulong)grant.Number("effectiveAt"));
        var revoke = revoked.Event("RolesRevoked");
        Assert.Equal((2, 8), ((int)revoke.Number("roles"), (int)revoke.Number("newRoles")));
        Assert.Equal(World.Operator.Address, revoke.Address("by"));
        Assert.Equal(ParticipantRoles.Verifier, (await World.Participants.ParticipantAsync(supplier.Id)).Roles);
        var key = supplier.Key.Address;
        Assert.Equal(KeyStanding.RoleMissing, (await World.Participants.StandingAtAsync(key, ParticipantRoles.Verifier, grantedAt - 1)).Standing);
        Assert.Equal(KeyStanding.Authorised, (await World.Participants.StandingAtAsync(key, ParticipantRoles.Supplier, grantedAt)).Standing);
        Assert.Equal(KeyStanding.RoleMissing, (await World.Participants.StandingAtAsync(key, ParticipantRoles.Supplier, revokedAt)).Standing);
        Assert.Equal(KeyStanding.Authorised, (await World.Participants.StandingAtAsync(key, ParticipantRoles.Verifier, revokedAt)).Standing);
    }

    [Fact]
    public async Task Granting_roles_already_held_or_revoking_roles_not_held_fails_with_RolesUnchanged()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);

        var error = await Reverts.WithAsync("RolesUnchanged", () => World.Participants.GrantRolesAsync(supplier.Id, ParticipantRoles.Supplier));
        Assert.Equal(2, (int)error.Revert.Arguments.Number("roles"));
        await Reverts.WithAsync("RolesUnchanged", () => World.Participants.GrantRolesAsync(supplier.Id, ParticipantRoles.None));
        await Reverts.WithAsync("RolesUnchanged", () => World.Participants.RevokeRolesAsync(supplier.Id, ParticipantRoles.Regulator));
    }

    [Fact]
    public async Task Granting_undefined_role_bits_fails_with_UnknownRoles()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        await Reverts.WithAsync("UnknownRoles", () => World.Participants.GrantRolesAsync(supplier.Id, (ParticipantRoles)0x8000));
        await Reverts.WithAsync("UnknownRoles", () => World.Participants.RevokeRolesAsync(supplier.Id, (ParticipantRoles)0x40));
    }

    [Fact]
    public async Task Changing_roles_of_an_unknown_participant_fails_with_UnknownParticipant()
    {
        await Reverts.WithAsync("UnknownParticipant", () => World.Participants.GrantRolesAsync(RegistryWorld.RandomBytes32(), ParticipantRoles.Buyer));
        await Reverts.WithAsync("UnknownParticipant", () => World.Participants.RevokeRolesAsync(RegistryWorld.RandomBytes32(), ParticipantRoles.Buyer));
    }

    [Fact]
    public async Task StandingAt_reports_UnknownKey_before_registration_and_for_keys_never_registered()
    {
        var beforeRegistration = await World.NowAsync();
        await World.AdvanceTimeAsync();
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var stranger = await World.NewActorAsync();
        var now = await World.NowAsync();

        var early = await World.Participants.StandingAtAsync(supplier.Key.Address, ParticipantRoles.Supplier, beforeRegistration);
        Assert.Equal(KeyStanding.UnknownKey, early.Standing);
        Assert.Equal(supplier.Id, early.ParticipantId);
        var never = await World.Participants.StandingAtAsync(stranger.Address, ParticipantRoles.Supplier, now);
        Assert.Equal(KeyStanding.UnknownKey, never.Standing);
        Assert.Equal(new byte[32], never.ParticipantId);
        Assert.False(await World.Participants.IsAuthorisedAtAsync(stranger.Address, ParticipantRoles.Supplier, now));
        Assert.Equal(new ParticipantStatus(false, ParticipantRoles.None), await World.Participants.StatusAtAsync(supplier.Id, beforeRegistration));
    }

    [Fact]
    public async Task StandingAt_with_no_required_role_is_RoleMissing()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var now = await World.NowAsync();
        Assert.Equal(KeyStanding.RoleMissing, (await World.Participants.StandingAtAsync(supplier.Key.Address, ParticipantRoles.None, now)).Standing);
        Assert.True(await World.Participants.IsAuthorisedAtAsync(supplier.Key.Address, ParticipantRoles.Supplier | ParticipantRoles.Carrier, now));
    }
}
