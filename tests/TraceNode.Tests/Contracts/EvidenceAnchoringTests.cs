using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Deployment;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Transactions;
using Trace.Node.Tests.Contracts.Support;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts;

[Collection(AnvilCollection.Name)]
public sealed class EvidenceAnchoringTests(AnvilFixture anvil) : RegistryTestBase(anvil)
{
    [Fact]
    public async Task The_operator_anchors_a_root_and_rootInfo_records_operator_time_block_and_count()
    {
        var root = RegistryWorld.RandomBytes32();

        var receipt = await World.Evidence.AnchorBatchAsync(root, 42, "ipfs://manifest");

        var at = await World.TimestampOfAsync(receipt);
        var anchored = receipt.Event("BatchAnchored");
        Assert.Equal(root, anchored.Bytes("root"));
        Assert.Equal(World.Operator.Address, anchored.Address("operator"));
        Assert.Equal(42, (int)anchored.Number("count"));
        Assert.Equal(at, (ulong)anchored.Number("anchoredAt"));
        Assert.Equal("ipfs://manifest", anchored["uri"]);
        Assert.Equal(new AnchoredRoot(World.Operator.Address, at, receipt.Receipt.BlockNumber, 42), await World.Evidence.RootInfoAsync(root));
    }

    [Fact]
    public async Task RootInfo_of_a_root_never_anchored_is_all_zero()
    {
        var info = await World.Evidence.RootInfoAsync(RegistryWorld.RandomBytes32());
        Assert.False(info.IsAnchored);
        Assert.Equal(0u, info.Count);
    }

    [Fact]
    public async Task Anchoring_the_same_root_twice_fails_with_RootAlreadyAnchored()
    {
        var root = RegistryWorld.RandomBytes32();
        var first = await World.Evidence.AnchorBatchAsync(root, 1);

        var error = await Reverts.WithAsync("RootAlreadyAnchored", () => World.Evidence.AnchorBatchAsync(root, 2, "again"));

        Assert.Equal(root, error.Revert.Arguments.Bytes("root"));
        Assert.Equal(await World.TimestampOfAsync(first), (ulong)error.Revert.Arguments.Number("anchoredAt"));
        Assert.Equal(1u, (await World.Evidence.RootInfoAsync(root)).Count);
    }

    [Fact]
    public async Task Signed_anchorBatch_reaches_the_chain_only_when_its_bytes_are_broadcast()
    {
        var root = RegistryWorld.RandomBytes32();

        var signed = await World.Evidence.SignAnchorBatchAsync(root, 3, "trace:batch:1");

        Assert.NotNull(signed);
        Assert.False(await World.Eth.IsTransactionKnownAsync(signed.Hash));
        Assert.False((await World.Evidence.RootInfoAsync(root)).IsAnchored);
        Assert.True(await World.Operator.Sender.BroadcastAsync(signed.Raw));
        var receipt = await World.Operator.Sender.WaitForReceiptAsync(signed);
        Assert.Equal(3u, (await World.Evidence.RootInfoAsync(root)).Count);
        // The same bytes again once mined: the nonce is used, which the anchoring pipeline answers by asking the registry.
        Assert.False(await World.Operator.Sender.BroadcastAsync(signed.Raw));
        Assert.True(receipt.Succeeded);
    }

    [Fact]
    public async Task Signing_anchorBatch_for_an_anchored_root_answers_null_instead_of_a_transaction()
    {
        var root = RegistryWorld.RandomBytes32();
        await World.Evidence.AnchorBatchAsync(root, 1);

        Assert.Null(await World.Evidence.SignAnchorBatchAsync(root, 1, "again"));
    }

    [Fact]
    public async Task Replacement_signed_at_the_same_nonce_with_higher_fees_takes_the_place_of_the_first()
    {
        var first = (await World.Evidence.SignAnchorBatchAsync(RegistryWorld.RandomBytes32(), 1, ""))!;
        var fees = (Eip1559Transaction)first.Transaction;

        var second = (await World.Evidence.SignAnchorBatchAsync(RegistryWorld.RandomBytes32(), 1, "", first.Transaction.Nonce,
            new FeeSuggestion(fees.MaxFeePerGas * 2, fees.MaxPriorityFeePerGas * 2, 0)))!;

        Assert.Equal(first.Transaction.Nonce, second.Transaction.Nonce);
        Assert.True(((Eip1559Transaction)second.Transaction).MaxPriorityFeePerGas >= fees.MaxPriorityFeePerGas * 2);
        Assert.True(await World.Operator.Sender.BroadcastAsync(second.Raw));
        Assert.True((await World.Operator.Sender.WaitForReceiptAsync(second)).Succeeded);
        Assert.False(await World.Operator.Sender.BroadcastAsync(first.Raw)); // its nonce went to the replacement
    }

    [Fact]
    public async Task A_supplier_cannot_anchor_Unauthorised_with_RoleMissing()
    {
        var supplier = await World.RegisterAsync("supplier", ParticipantRoles.Supplier);

        var error = await Reverts.WithAsync("Unauthorised", () => supplier.Key.Evidence.AnchorBatchAsync(RegistryWorld.RandomBytes32(), 1));

        Assert.Equal(supplier.Key.Address, error.Revert.Arguments.Address("account"));
        Assert.Equal((int)ParticipantRoles.Operator, (int)error.Revert.Arguments.Number("requiredRoles"));
        Assert.Equal((int)KeyStanding.RoleMissing, (int)error.Revert.Arguments.Number("standing"));
    }

    [Fact]
    public async Task An_unregistered_key_cannot_anchor_Unauthorised_with_UnknownKey()
    {
        var stranger = await World.NewActorAsync();
        var error = await Reverts.WithAsync("Unauthorised", () => stranger.Evidence.AnchorBatchAsync(RegistryWorld.RandomBytes32(), 1));
        Assert.Equal((int)KeyStanding.UnknownKey, (int)error.Revert.Arguments.Number("standing"));
    }

    [Fact]
    public async Task A_suspended_operator_cannot_anchor_until_reactivated()
    {
        var operatorId = TraceDeployer.OperatorParticipantId;
        await World.Participants.SuspendParticipantAsync(operatorId, 1);

        var error = await Reverts.WithAsync("Unauthorised", () => World.Evidence.AnchorBatchAsync(RegistryWorld.RandomBytes32(), 1));
        Assert.Equal((int)KeyStanding.ParticipantSuspended, (int)error.Revert.Arguments.Number("standing"));

        await World.Participants.ReactivateParticipantAsync(operatorId);
        await World.Evidence.AnchorBatchAsync(RegistryWorld.RandomBytes32(), 1);
    }

    [Fact]
    public async Task A_retired_operator_key_cannot_anchor_Unauthorised_with_KeyRetired()
    {
        var @operator = await World.RegisterAsync("second-operator", ParticipantRoles.Operator);
        await World.Participants.RetireKeyAsync(@operator.Key.Address, KeyRetirementReason.Retired);

        var error = await Reverts.WithAsync("Unauthorised", () => @operator.Key.Evidence.AnchorBatchAsync(RegistryWorld.RandomBytes32(), 1));
        Assert.Equal((int)KeyStanding.KeyRetired, (int)error.Revert.Arguments.Number("standing"));
    }

    [Fact]
    public async Task Anchoring_the_zero_root_fails_with_InvalidRoot()
    {
        await Reverts.WithAsync("InvalidRoot", () => World.Evidence.AnchorBatchAsync(new byte[32], 1));
    }

    [Fact]
    public async Task Anchoring_zero_leaves_fails_with_EmptyBatch()
    {
        await Reverts.WithAsync("EmptyBatch", () => World.Evidence.AnchorBatchAsync(RegistryWorld.RandomBytes32(), 0));
    }

    [Fact]
    public async Task Anchoring_one_leaf_costs_the_same_gas_as_anchoring_a_hundred_thousand()
    {
        // Only the root is stored, so the leaf count changes nothing but a few calldata bytes of `count`.
        var one = await World.Evidence.AnchorBatchAsync(RegistryWorld.RandomBytes32(), 1, "ipfs://batch-manifest");
        var many = await World.Evidence.AnchorBatchAsync(RegistryWorld.RandomBytes32(), 100_000, "ipfs://batch-manifest");

        var difference = Math.Abs((long)one.Receipt.GasUsed - (long)many.Receipt.GasUsed);
        Assert.True(difference <= 100, $"anchorBatch gas: {one.Receipt.GasUsed} for 1 leaf, {many.Receipt.GasUsed} for 100,000");
    }
}
