using Trace.Chain.Contracts.Deployment;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Node.Tests.Contracts.Support;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts;

[Collection(AnvilCollection.Name)]
public sealed class ParticipantRegistrationTests(AnvilFixture anvil) : RegistryTestBase(anvil)
{
    [Fact]
    public async Task Registering_emits_ParticipantRegistered_then_KeyAdded_per_key_and_records_the_participant()
    {
        var first = await World.NewActorAsync();
        var second = await World.NewActorAsync();
        var id = RegistryWorld.ParticipantId("acme-steel");
        var metadataHash = RegistryWorld.RandomBytes32();

        var receipt = await World.Participants.RegisterParticipantAsync(id, "https://acme.example/lei.json", metadataHash,
            ParticipantRoles.Supplier | ParticipantRoles.Carrier, [first.Address, second.Address]);

        Assert.Equal(["ParticipantRegistered", "KeyAdded", "KeyAdded"], receipt.Events.Select(e => e.Name));
        var registered = receipt.Event("ParticipantRegistered");
        Assert.Equal(id, registered.Bytes("id"));
        Assert.Equal("https://acme.example/lei.json", registered["metadataURI"]);
        Assert.Equal(metadataHash, registered.Bytes("metadataHash"));
        Assert.Equal(6, (int)registered.Number("roles"));
        var now = await World.TimestampOfAsync(receipt);
        Assert.Equal([first.Address, second.Address], receipt.Events.Where(e => e.Name == "KeyAdded").Select(e => e.Address("key")));
        Assert.All(receipt.Events.Where(e => e.Name == "KeyAdded"), e =>
        {
            Assert.Equal(id, e.Bytes("id"));
            Assert.Equal(World.Operator.Address, e.Address("by"));
            Assert.Equal(now, (ulong)e.Number("effectiveAt"));
        });

        var participant = await World.Participants.ParticipantAsync(id);
        Assert.Equal("https://acme.example/lei.json", participant.MetadataUri);
        Assert.Equal(metadataHash, participant.MetadataHash);
        Assert.Equal(now, participant.RegisteredAt);
        Assert.True(participant.Active);
        Assert.Equal(ParticipantRoles.Supplier | ParticipantRoles.Carrier, participant.Roles);
        Assert.Equal(2, participant.KeyCount);
        Assert.Equal([first.Address, second.Address], await World.Participants.ParticipantKeysAsync(id));
        var keyInfo = await World.Participants.KeyInfoAsync(second.Address);
        Assert.Equal(id, keyInfo.ParticipantId);
        Assert.Equal(now, keyInfo.AddedAt);
        Assert.False(keyInfo.IsRetired);
    }

    [Fact]
    public async Task Deployment_registers_the_operator_participant_with_the_Operator_role()
    {
        var participant = await World.Participants.ParticipantAsync(TraceDeployer.OperatorParticipantId);

        Assert.Equal(ParticipantRoles.Operator, participant.Roles);
        Assert.True(participant.Active);
        Assert.True(await World.Participants.IsAdminAsync(World.Operator.Address));
        var standing = await World.Participants.StandingAtAsync(World.Operator.Address, ParticipantRoles.Operator, await World.NowAsync());
        Assert.Equal(KeyStanding.Authorised, standing.Standing);
    }

    [Fact]
    public async Task A_non_admin_cannot_register_a_participant()
    {
        var outsider = await World.NewActorAsync();

        var error = await Reverts.WithAsync("AccessControlUnauthorizedAccount", () =>
            outsider.Participants.RegisterParticipantAsync(RegistryWorld.RandomBytes32(), "", new byte[32], ParticipantRoles.Supplier, [outsider.Address]));

        Assert.Equal(outsider.Address, error.Revert.Arguments.Address("account"));
        Assert.Equal(new byte[32], error.Revert.Arguments.Bytes("neededRole"));
    }

    [Fact]
    public async Task Registering_a_zero_id_fails_with_InvalidParticipantId()
    {
        var key = await World.NewActorAsync();
        await Reverts.WithAsync("InvalidParticipantId", () =>
            World.Participants.RegisterParticipantAsync(new byte[32], "", new byte[32], ParticipantRoles.Supplier, [key.Address]));
    }

    [Fact]
    public async Task Registering_an_existing_id_fails_with_ParticipantAlreadyRegistered()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var key = await World.NewActorAsync();

        var error = await Reverts.WithAsync("ParticipantAlreadyRegistered", () =>
            World.Participants.RegisterParticipantAsync(supplier.Id, "", new byte[32], ParticipantRoles.Supplier, [key.Address]));
        Assert.Equal(supplier.Id, error.Revert.Arguments.Bytes("id"));
    }

    [Fact]
    public async Task Registering_undefined_role_bits_fails_with_UnknownRoles()
    {
        var key = await World.NewActorAsync();
        var error = await Reverts.WithAsync("UnknownRoles", () =>
            World.Participants.RegisterParticipantAsync(RegistryWorld.RandomBytes32(), "", new byte[32], (ParticipantRoles)64 | ParticipantRoles.Supplier, [key.Address]));
        Assert.Equal(66, (int)error.Revert.Arguments.Number("roles"));
    }

    [Fact]
    public async Task Registering_without_keys_fails_with_NoKeys()
    {
        await Reverts.WithAsync("NoKeys", () =>
            World.Participants.RegisterParticipantAsync(RegistryWorld.RandomBytes32(), "", new byte[32], ParticipantRoles.Supplier, []));
    }

    [Fact]
    public async Task Registering_the_zero_address_as_key_fails_with_InvalidKey()
    {
        await Reverts.WithAsync("InvalidKey", () =>
            World.Participants.RegisterParticipantAsync(RegistryWorld.RandomBytes32(), "", new byte[32], ParticipantRoles.Supplier, [EthereumAddress.Zero]));
    }

    [Fact]
    public async Task Registering_another_participants_key_fails_with_KeyAlreadyRegistered()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);

        var error = await Reverts.WithAsync("KeyAlreadyRegistered", () =>
            World.Participants.RegisterParticipantAsync(RegistryWorld.RandomBytes32(), "", new byte[32], ParticipantRoles.Carrier, [supplier.Key.Address]));

        Assert.Equal(supplier.Key.Address, error.Revert.Arguments.Address("key"));
        Assert.Equal(supplier.Id, error.Revert.Arguments.Bytes("participantId"));
    }

    [Fact]
    public async Task Updating_metadata_emits_ParticipantMetadataUpdated_and_replaces_uri_and_hash()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        var hash = RegistryWorld.RandomBytes32();

        var receipt = await World.Participants.UpdateMetadataAsync(supplier.Id, "https://new.example/meta.json", hash);

        var updated = receipt.Event("ParticipantMetadataUpdated");
        Assert.Equal(supplier.Id, updated.Bytes("id"));
        Assert.Equal("https://new.example/meta.json", updated["metadataURI"]);
        Assert.Equal(hash, updated.Bytes("metadataHash"));
        var participant = await World.Participants.ParticipantAsync(supplier.Id);
        Assert.Equal("https://new.example/meta.json", participant.MetadataUri);
        Assert.Equal(hash, participant.MetadataHash);
    }

    [Fact]
    public async Task Updating_metadata_of_an_unknown_participant_fails_with_UnknownParticipant()
    {
        var id = RegistryWorld.RandomBytes32();
        var error = await Reverts.WithAsync("UnknownParticipant", () => World.Participants.UpdateMetadataAsync(id, "x", new byte[32]));
        Assert.Equal(id, error.Revert.Arguments.Bytes("id"));
    }

    [Fact]
    public async Task Reading_an_unknown_participant_fails_with_UnknownParticipant()
    {
        await Reverts.WithAsync("UnknownParticipant", () => World.Participants.ParticipantAsync(RegistryWorld.RandomBytes32()));
    }

    [Fact]
    public async Task A_participant_key_cannot_update_its_own_metadata()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);
        await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => supplier.Key.Participants.UpdateMetadataAsync(supplier.Id, "x", new byte[32]));
    }

    [Fact]
    public async Task A_granted_admin_can_register_participants()
    {
        var admin = await World.NewActorAsync();

        var grant = await World.Participants.GrantAdminAsync(admin.Address);

        Assert.Equal(admin.Address, grant.Event("RoleGranted").Address("account"));
        Assert.True(await World.Participants.IsAdminAsync(admin.Address));
        var key = await World.NewActorAsync();
        var receipt = await admin.Participants.RegisterParticipantAsync(RegistryWorld.RandomBytes32(), "", new byte[32], ParticipantRoles.Buyer, [key.Address]);
        Assert.Equal(admin.Address, receipt.Event("KeyAdded").Address("by"));
    }

    [Fact]
    public async Task A_revoked_admin_emits_RoleRevoked_and_can_no_longer_register()
    {
        var admin = await World.NewActorAsync();
        await World.Participants.GrantAdminAsync(admin.Address);

        var receipt = await World.Participants.RevokeAdminAsync(admin.Address);

        var revoked = receipt.Event("RoleRevoked");
        Assert.Equal(admin.Address, revoked.Address("account"));
        Assert.Equal(World.Operator.Address, revoked.Address("sender"));
        Assert.False(await World.Participants.IsAdminAsync(admin.Address));
        await Reverts.WithAsync("AccessControlUnauthorizedAccount", () =>
            admin.Participants.RegisterParticipantAsync(RegistryWorld.RandomBytes32(), "", new byte[32], ParticipantRoles.Buyer, [admin.Address]));
    }

    [Fact]
    public async Task An_admin_renounces_only_with_its_own_address_as_confirmation()
    {
        var admin = await World.NewActorAsync();
        await World.Participants.GrantAdminAsync(admin.Address);

        await Reverts.WithAsync("AccessControlBadConfirmation", () => admin.Participants.RenounceAdminAsync(World.Operator.Address));
        var receipt = await admin.Participants.RenounceAdminAsync(admin.Address);

        Assert.Equal(admin.Address, receipt.Event("RoleRevoked").Address("account"));
        Assert.False(await World.Participants.IsAdminAsync(admin.Address));
        Assert.True(await World.Participants.IsAdminAsync(World.Operator.Address));
    }

    [Fact]
    public async Task A_non_admin_cannot_grant_admin()
    {
        var outsider = await World.NewActorAsync();
        await Reverts.WithAsync("AccessControlUnauthorizedAccount", () => outsider.Participants.GrantAdminAsync(outsider.Address));
    }

    [Fact]
    public async Task Granting_an_access_control_role_other_than_admin_fails_with_UnsupportedAccessControlRole()
    {
        var someone = await World.NewActorAsync();
        var role = Keccak256.HashUtf8("MINTER_ROLE");

        var error = await Reverts.WithAsync("UnsupportedAccessControlRole", () => World.Participants.Contract.SendAsync(
            new Trace.Chain.Contracts.Dtos.Participants.GrantRoleFunction { Role = role, Account = someone.Address.ToString() }));
        Assert.Equal(role, error.Revert.Arguments.Bytes("role"));
    }
}
