using Trace.Crypto;
using Trace.Domain;

namespace Trace.Node.Tests.Anchoring;

/// <summary>Confirmation depth, dropped and replaced transactions, and reorganisations, against an in-memory chain.</summary>
public sealed class ConfirmationTrackerTests : AnchoringTestBase
{
    private async Task CheckAsync() =>
        await NewTracker().CheckAsync(await Store.ListUnfinishedBatchesAsync(CancellationToken.None), CancellationToken.None);

    [Fact]
    public async Task Batch_is_confirmed_exactly_when_its_block_is_the_configured_depth()
    {
        ChainSettings.Confirmations = 3; // blocks, the mined one included
        Chain.AutoMine = true;
        var batch = await CloseBatchAsync();
        await NewAnchorer().AnchorAsync(batch, CancellationToken.None).WaitAsync(Patience);
        var mined = await BatchAsync(batch.Id);
        Assert.Equal((long)Chain.Head, mined.BlockNumber);

        await CheckAsync();
        Chain.MineBlock();
        await CheckAsync();
        Assert.Equal(AnchorBatchState.Mined, (await BatchAsync(batch.Id)).State); // 2 blocks deep

        Chain.MineBlock();
        await CheckAsync();
        await CheckAsync();

        Assert.Equal(AnchorBatchState.Confirmed, (await BatchAsync(batch.Id)).State);
        Assert.All(await Store.ListBatchRecordsAsync(batch.Id, CancellationToken.None), r => Assert.Equal(RecordStatus.Confirmed, r.Status));
        Assert.All(await FeedCountsAsync(batch.Id, RecordChange.Confirmed), n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task Dropped_transaction_is_sent_again_with_the_same_bytes_and_mined()
    {
        var batch = await CloseBatchAsync();
        var run = NewAnchorer().AnchorAsync(batch, CancellationToken.None);
        var sent = await WaitForBatchAsync(batch.Id, b => b.State == AnchorBatchState.Sent);

        Chain.Drop(sent.TxHash!);
        while (Chain.Broadcasts.Count < 2 && !run.IsCompleted) await Task.Delay(10);
        Chain.MineBlock();
        await run.WaitAsync(Patience);

        var mined = await BatchAsync(batch.Id);
        Assert.Equal((AnchorBatchState.Mined, H(sent.TxHash), 1), (mined.State, H(mined.TxHash), mined.SendAttempts));
        Assert.Equal(1, Chain.Signed);
        Assert.All(Chain.Broadcasts, b => Assert.Equal(sent.TxRaw, b));
    }

    [Fact]
    public async Task Transaction_the_node_keeps_losing_is_replaced_at_the_same_nonce_and_stored_before_its_broadcast()
    {
        Settings.DropTimeoutMilliseconds = 200;
        Chain.AutoMine = true;
        var batch = await CloseBatchAsync();
        byte[]? first = null;
        Chain.Forget = tx => (first ??= tx.Hash).AsSpan().SequenceEqual(tx.Hash); // the node never keeps the first transaction
        var storedAtBroadcast = new List<byte[]>();
        Chain.BeforeBroadcast = async tx => storedAtBroadcast.Add((await BatchAsync(batch.Id)).TxHash!);

        await NewAnchorer().AnchorAsync(batch, CancellationToken.None).WaitAsync(Patience);

        var mined = await BatchAsync(batch.Id);
        Assert.Equal((AnchorBatchState.Mined, 0L, 2), (mined.State, mined.TxNonce!.Value, mined.SendAttempts));
        Assert.NotEqual(first, mined.TxHash);
        Assert.True(FakeAnchoringChain.FeeOf(mined.TxRaw!) > FakeAnchoringChain.FeeOf(Chain.Broadcasts[0]));
        Assert.Equal(mined.TxRaw, Chain.Broadcasts[^1]);
        Assert.Equal(Chain.Broadcasts.Select(b => Keccak256.Hash(b)), storedAtBroadcast); // each broadcast was already the stored transaction
    }

    [Fact]
    public async Task Original_mined_after_its_replacement_was_stored_is_recorded_as_the_anchoring()
    {
        Settings.DropTimeoutMilliseconds = 200;
        var batch = await CloseBatchAsync();
        Chain.Forget = _ => true;
        var run = NewAnchorer().AnchorAsync(batch, CancellationToken.None);
        var replacing = await WaitForBatchAsync(batch.Id, b => b.SendAttempts == 2);
        var original = Keccak256.Hash(Chain.Broadcasts[0]);
        Assert.NotEqual(original, replacing.TxHash);

        Chain.MineElsewhere(original); // another node still had the first transaction and it won the nonce
        await run.WaitAsync(Patience);

        var mined = await BatchAsync(batch.Id);
        Assert.Equal((AnchorBatchState.Mined, H(original), Chain.BlockOf(original)), (mined.State, H(mined.TxHash), mined.BlockNumber));
        Assert.Null(Chain.BlockOf(replacing.TxHash!));
        Assert.Null(mined.TxRaw);
    }

    [Fact]
    public async Task Reorganised_block_sends_the_batch_back_to_pending_and_it_is_confirmed_once_in_the_new_chain()
    {
        ChainSettings.Confirmations = 2;
        Chain.AutoMine = true;
        var batch = await CloseBatchAsync();
        await NewAnchorer().AnchorAsync(batch, CancellationToken.None).WaitAsync(Patience);
        var first = await BatchAsync(batch.Id);

        Chain.Reorganise((ulong)first.BlockNumber!.Value); // the block is replaced and its transaction lost
        Chain.MineBlock();
        await CheckAsync();

        var unmined = await BatchAsync(batch.Id);
        Assert.Equal((AnchorBatchState.Sent, (long?)null), (unmined.State, unmined.BlockNumber));
        Assert.All(await Store.ListBatchRecordsAsync(batch.Id, CancellationToken.None), r => Assert.Equal(RecordStatus.Pending, r.Status));

        await NewAnchorer().AnchorAsync(unmined, CancellationToken.None).WaitAsync(Patience);
        await CheckAsync();
        Chain.MineBlock();
        await CheckAsync();
        await CheckAsync();

        var confirmed = await BatchAsync(batch.Id);
        Assert.Equal(AnchorBatchState.Confirmed, confirmed.State);
        Assert.True(confirmed.BlockNumber > first.BlockNumber);
        Assert.Equal((H(first.TxHash), 1), (H(confirmed.TxHash), Chain.Signed)); // the stored bytes were sent again
        Assert.All(await FeedCountsAsync(batch.Id, RecordChange.Confirmed), n => Assert.Equal(1, n));
        Assert.All(await FeedCountsAsync(batch.Id, RecordChange.Unanchored), n => Assert.Equal(1, n));
        Assert.All(await Store.ListBatchRecordsAsync(batch.Id, CancellationToken.None), r => Assert.Equal(RecordStatus.Confirmed, r.Status));
    }

    [Fact]
    public async Task A_chain_that_goes_back_further_than_the_confirmation_depth_sends_confirmed_batches_back_and_they_are_confirmed_again()
    {
        ChainSettings.Confirmations = 1;
        Chain.AutoMine = true;
        var older = await CloseBatchAsync();
        await NewAnchorer().AnchorAsync(older, CancellationToken.None).WaitAsync(Patience);
        Chain.MineBlocks(3);
        var newer = await CloseBatchAsync();
        await NewAnchorer().AnchorAsync(newer, CancellationToken.None).WaitAsync(Patience);
        var tracker = NewTracker();
        await tracker.CheckAsync(await Store.ListUnfinishedBatchesAsync(CancellationToken.None), CancellationToken.None);
        Assert.Equal(AnchorBatchState.Confirmed, (await BatchAsync(newer.Id)).State);
        var newerBlock = (await BatchAsync(newer.Id)).BlockNumber!.Value;

        // Nothing went back: the confirmed batches stay confirmed.
        await tracker.CheckConfirmedStillOnChainAsync(CancellationToken.None);
        Assert.Equal(AnchorBatchState.Confirmed, (await BatchAsync(newer.Id)).State);

        // The chain restarts from a state two blocks older than the newer batch's block (a killed embedded Anvil).
        Chain.Reorganise((ulong)newerBlock - 1);
        Chain.MineBlocks(3);
        await NewTracker().CheckConfirmedStillOnChainAsync(CancellationToken.None);

        var rolledBack = await BatchAsync(newer.Id);
        Assert.Equal((AnchorBatchState.Sent, (long?)null), (rolledBack.State, rolledBack.BlockNumber));
        Assert.All(await Store.ListBatchRecordsAsync(newer.Id, CancellationToken.None), r => Assert.Equal(RecordStatus.Pending, r.Status));
        Assert.Equal(AnchorBatchState.Confirmed, (await BatchAsync(older.Id)).State); // its block stands: untouched

        await NewAnchorer().AnchorAsync(rolledBack, CancellationToken.None).WaitAsync(Patience);
        await NewTracker().CheckAsync(await Store.ListUnfinishedBatchesAsync(CancellationToken.None), CancellationToken.None);
        var again = await BatchAsync(newer.Id);
        Assert.Equal(AnchorBatchState.Confirmed, again.State);
        Assert.Equal((H(rolledBack.TxHash), 2), (H(again.TxHash), Chain.Signed)); // the stored bytes were sent again, at their nonce
        Assert.All(await FeedCountsAsync(newer.Id, RecordChange.Confirmed), n => Assert.Equal(2, n));
        Assert.All(await Store.ListBatchRecordsAsync(newer.Id, CancellationToken.None), r => Assert.Equal(RecordStatus.Confirmed, r.Status));
    }
}
