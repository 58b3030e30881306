using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Node.Tests.Contracts.Support;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts;

/// <summary>addKey and retireKey: who may call them, what they emit, and how key history answers standingAt.</summary>
[Collection(AnvilCollection.Name)]
public sealed class ParticipantKeyTests(AnvilFixture anvil) : RegistryTestBase(anvil)
{
    [Fact]
    public async Task The_admin_adds_a_key_that_is_active_from_that_block()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var key = await World.NewActorAsync();
        await World.AdvanceTimeAsync();

        var receipt = await World.Participants.AddKeyAsync(supplier.Id, key.Address);

        var at = await World.TimestampOfAsync(receipt);
        var added = receipt.Event("KeyAdded");
        Assert.Equal(supplier.Id, added.Bytes("id"));
        Assert.Equal(key.Address, added.Address("key"));
        Assert.Equal(World.Operator.Address, added.Address("by"));
        Assert.Equal(at, (ulong)added.Number("effectiveAt"));
        Assert.True(await World.Participants.IsKeyActiveAtAsync(key.Address, at));
        Assert.False(await World.Participants.IsKeyActiveAtAsync(key.Address, at - 1));
        Assert.Equal([supplier.Key.Address, key.Address], await World.Participants.ParticipantKeysAsync(supplier.Id));
    }

    [Fact]
    public async Task A_participants_own_key_adds_a_key_to_it()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var key = await World.NewActorAsync();

        var receipt = await supplier.Key.Participants.AddKeyAsync(supplier.Id, key.Address);

        Assert.Equal(supplier.Key.Address, receipt.Event("KeyAdded").Address("by"));
        Assert.Equal(supplier.Id, (await World.Participants.KeyInfoAsync(key.Address)).ParticipantId);
    }

    [Fact]
    public async Task Another_participants_key_cannot_add_keys_NotParticipantKeyOrAdmin()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var carrier = await World.RegisterAsync("carrier", ParticipantRoles.Carrier);
        var key = await World.NewActorAsync();

        var error = await Reverts.WithAsync("NotParticipantKeyOrAdmin", () => carrier.Key.Participants.AddKeyAsync(supplier.Id, key.Address));
        Assert.Equal(carrier.Key.Address, error.Revert.Arguments.Address("caller"));
        Assert.Equal(supplier.Id, error.Revert.Arguments.Bytes("id"));
    }

    [Fact]
    public async Task A_suspended_participants_key_cannot_add_keys()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        await World.Participants.SuspendParticipantAsync(supplier.Id, 1);
        var key = await World.NewActorAsync();

        await Reverts.WithAsync("NotParticipantKeyOrAdmin", () => supplier.Key.Participants.AddKeyAsync(supplier.Id, key.Address));
    }

    [Fact]
    public async Task Adding_keys_fails_for_an_unknown_participant_the_zero_address_or_a_registered_key()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var carrier = await World.RegisterAsync("carrier", ParticipantRoles.Carrier);
        var key = await World.NewActorAsync();

        await Reverts.WithAsync("UnknownParticipant", () => World.Participants.AddKeyAsync(RegistryWorld.RandomBytes32(), key.Address));
        await Reverts.WithAsync("InvalidKey", () => World.Participants.AddKeyAsync(supplier.Id, EthereumAddress.Zero));
        var error = await Reverts.WithAsync("KeyAlreadyRegistered", () => World.Participants.AddKeyAsync(supplier.Id, carrier.Key.Address));
        Assert.Equal(carrier.Id, error.Revert.Arguments.Bytes("participantId"));
    }

    [Fact]
    public async Task Retiring_emits_KeyRetired_and_the_key_stands_retired_from_that_block_only()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        await World.AdvanceTimeAsync();

        var receipt = await World.Participants.RetireKeyAsync(supplier.Key.Address, KeyRetirementReason.Compromised);

        var at = await World.TimestampOfAsync(receipt);
        var retired = receipt.Event("KeyRetired");
        Assert.Equal(supplier.Id, retired.Bytes("id"));
        Assert.Equal(supplier.Key.Address, retired.Address("key"));
        Assert.Equal(World.Operator.Address, retired.Address("by"));
        Assert.Equal(2, (int)retired.Number("reason"));
        Assert.Equal(at, (ulong)retired.Number("effectiveAt"));
        var info = await World.Participants.KeyInfoAsync(supplier.Key.Address);
        Assert.Equal((at, KeyRetirementReason.Compromised), (info.RetiredAt, info.RetirementReason));
        Assert.Equal(KeyStanding.KeyRetired, (await World.Participants.StandingAtAsync(supplier.Key.Address, ParticipantRoles.Supplier, at)).Standing);
        Assert.Equal(KeyStanding.Authorised, (await World.Participants.StandingAtAsync(supplier.Key.Address, ParticipantRoles.Supplier, at - 1)).Standing);
        Assert.False(await World.Participants.IsKeyActiveAtAsync(supplier.Key.Address, at));
    }

    [Fact]
    public async Task A_key_retires_itself_even_while_its_participant_is_suspended()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        await World.Participants.SuspendParticipantAsync(supplier.Id, 3);

        var receipt = await supplier.Key.Participants.RetireKeyAsync(supplier.Key.Address, KeyRetirementReason.Compromised);

        Assert.Equal(supplier.Key.Address, receipt.Event("KeyRetired").Address("by"));
    }

    [Fact]
    public async Task A_sibling_key_retires_a_key_of_the_same_participant()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var sibling = await World.AddKeyAsync(supplier);

        var receipt = await sibling.Participants.RetireKeyAsync(supplier.Key.Address, KeyRetirementReason.Retired);

        Assert.Equal(sibling.Address, receipt.Event("KeyRetired").Address("by"));
        Assert.Equal(KeyRetirementReason.Retired, (await World.Participants.KeyInfoAsync(supplier.Key.Address)).RetirementReason);
    }

    [Fact]
    public async Task Retiring_a_retired_key_fails_with_KeyAlreadyRetired()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var first = await World.Participants.RetireKeyAsync(supplier.Key.Address, KeyRetirementReason.Retired);

        var error = await Reverts.WithAsync("KeyAlreadyRetired", () => World.Participants.RetireKeyAsync(supplier.Key.Address, KeyRetirementReason.Retired));
        Assert.Equal(await World.TimestampOfAsync(first), (ulong)error.Revert.Arguments.Number("retiredAt"));
    }

    [Fact]
    public async Task Retiring_fails_for_an_unknown_key_or_an_undefined_reason()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var stranger = await World.NewActorAsync();

        await Reverts.WithAsync("UnknownKey", () => World.Participants.RetireKeyAsync(stranger.Address, KeyRetirementReason.Retired));
        var error = await Reverts.WithAsync("InvalidRetirementReason", () => World.Participants.RetireKeyAsync(supplier.Key.Address, (KeyRetirementReason)3));
        Assert.Equal(3, (int)error.Revert.Arguments.Number("reason"));
        await Reverts.WithAsync("InvalidRetirementReason", () => World.Participants.RetireKeyAsync(supplier.Key.Address, KeyRetirementReason.None));
    }

    [Fact]
    public async Task Another_participants_key_or_a_retired_sibling_cannot_retire_a_key()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var carrier = await World.RegisterAsync("carrier", ParticipantRoles.Carrier);
        var sibling = await World.AddKeyAsync(supplier);
        await World.Participants.RetireKeyAsync(sibling.Address, KeyRetirementReason.Retired);

        await Reverts.WithAsync("NotParticipantKeyOrAdmin", () => carrier.Key.Participants.RetireKeyAsync(supplier.Key.Address, KeyRetirementReason.Retired));
        await Reverts.WithAsync("NotParticipantKeyOrAdmin", () => sibling.Participants.RetireKeyAsync(supplier.Key.Address, KeyRetirementReason.Retired));
    }

    [Fact]
    public async Task A_retired_key_can_never_be_added_again()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        await World.Participants.RetireKeyAsync(supplier.Key.Address, KeyRetirementReason.Retired);

        await Reverts.WithAsync("KeyAlreadyRegistered", () => World.Participants.AddKeyAsync(supplier.Id, supplier.Key.Address));
    }
}
