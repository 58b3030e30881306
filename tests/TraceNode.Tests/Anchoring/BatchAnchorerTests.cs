using Trace.Domain;

namespace Trace.Node.Tests.Anchoring;

/// <summary>The anchorer against an in-memory chain: persist before broadcast, restarts, refusals and transient faults.</summary>
public sealed class BatchAnchorerTests : AnchoringTestBase
{
    [Fact]
    public async Task Transaction_is_stored_with_nonce_hash_and_bytes_before_it_is_broadcast()
    {
        var batch = await CloseBatchAsync();
        var seenAtBroadcast = new List<(AnchorBatchState, long?, byte[]?, byte[]?)>();
        Chain.BeforeBroadcast = async tx =>
        {
            var row = await BatchAsync(batch.Id);
            seenAtBroadcast.Add((row.State, row.TxNonce, row.TxHash, row.TxRaw));
        };
        Chain.AutoMine = true;

        await NewAnchorer().AnchorAsync(batch, CancellationToken.None).WaitAsync(Patience);

        var sent = Assert.Single(Chain.Broadcasts);
        var (state, nonce, hash, raw) = Assert.Single(seenAtBroadcast);
        Assert.Equal(AnchorBatchState.Sending, state);
        Assert.Equal(0L, nonce);
        Assert.Equal(sent, raw);
        var mined = await BatchAsync(batch.Id);
        Assert.Equal((AnchorBatchState.Mined, H(hash)), (mined.State, H(mined.TxHash)));
        Assert.Equal(Chain.BlockOf(hash!), mined.BlockNumber);
        Assert.All(await Store.ListBatchRecordsAsync(batch.Id, CancellationToken.None), r => Assert.Equal(RecordStatus.Anchored, r.Status));
    }

    [Fact]
    public async Task Restart_after_a_crash_before_the_broadcast_sends_the_stored_bytes_without_signing_again()
    {
        var batch = await CloseBatchAsync();
        Chain.BeforeBroadcast = _ => throw new OperationCanceledException("the process died here");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NewAnchorer().AnchorAsync(batch, CancellationToken.None));
        var stored = await BatchAsync(batch.Id);
        Assert.Equal(AnchorBatchState.Sending, stored.State);

        Chain.BeforeBroadcast = null;
        Chain.AutoMine = true;
        await NewAnchorer().AnchorAsync(stored, CancellationToken.None).WaitAsync(Patience); // a new process, from the row alone

        Assert.Equal(1, Chain.Signed);
        Assert.Equal(2, Chain.Broadcasts.Count);
        Assert.Equal(stored.TxRaw, Chain.Broadcasts[1]);
        var mined = await BatchAsync(batch.Id);
        Assert.Equal((AnchorBatchState.Mined, H(stored.TxHash), 1), (mined.State, H(mined.TxHash), mined.SendAttempts));
    }

    [Fact]
    public async Task Restart_with_a_sent_transaction_the_node_lost_sends_the_same_bytes_again()
    {
        var batch = await CloseBatchAsync();
        Chain.Forget = _ => true; // e.g. the node restarted with the node process and lost its pool
        using (var crash = new CancellationTokenSource())
        {
            var run = NewAnchorer().AnchorAsync(batch, crash.Token);
            await WaitForBatchAsync(batch.Id, b => b.State == AnchorBatchState.Sent);
            crash.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }
        var sent = await BatchAsync(batch.Id);

        Chain.Forget = null;
        Chain.AutoMine = true;
        await NewAnchorer().AnchorAsync(sent, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(1, Chain.Signed);
        Assert.All(Chain.Broadcasts, b => Assert.Equal(sent.TxRaw, b));
        var mined = await BatchAsync(batch.Id);
        Assert.Equal((AnchorBatchState.Mined, H(sent.TxHash)), (mined.State, H(mined.TxHash)));
    }

    [Fact]
    public async Task Root_the_registry_already_holds_is_recorded_as_mined_without_sending()
    {
        var batch = await CloseBatchAsync();
        Chain.AnchorDirectly(batch.Root, batch.LeafCount); // e.g. a transaction from before a crash was mined

        await NewAnchorer().AnchorAsync(batch, CancellationToken.None).WaitAsync(Patience);

        Assert.Empty(Chain.Broadcasts);
        Assert.Equal(0, (await BatchAsync(batch.Id)).SendAttempts);
        Assert.Equal(AnchorBatchState.Mined, (await BatchAsync(batch.Id)).State);
    }

    [Fact]
    public async Task RootAlreadyAnchored_at_signing_counts_as_anchored()
    {
        var batch = await CloseBatchAsync();
        Chain.BeforeSign = () => Chain.AnchorDirectly(batch.Root, batch.LeafCount); // anchored between the look and the signature

        await NewAnchorer().AnchorAsync(batch, CancellationToken.None).WaitAsync(Patience);

        Assert.Empty(Chain.Broadcasts);
        var mined = await BatchAsync(batch.Id);
        Assert.Equal(AnchorBatchState.Mined, mined.State);
        Assert.All(await Store.ListBatchRecordsAsync(batch.Id, CancellationToken.None), r => Assert.Equal(RecordStatus.Anchored, r.Status));
    }

    [Fact]
    public async Task Transient_broadcast_failures_are_retried_with_the_same_signed_transaction()
    {
        Chain.AutoMine = true;
        Chain.FailingBroadcasts = 3;
        using var service = NewService();
        var batch = await CloseBatchAsync();

        await service.StartAsync(CancellationToken.None);
        var done = await WaitForBatchAsync(batch.Id, b => b.State == AnchorBatchState.Confirmed);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(1, Chain.Signed);
        Assert.Equal(4, Chain.Broadcasts.Count);
        Assert.All(Chain.Broadcasts, b => Assert.Equal(done.TxRaw, b));
        Assert.All(await Store.ListBatchRecordsAsync(batch.Id, CancellationToken.None), r => Assert.Equal(RecordStatus.Confirmed, r.Status));
    }

    [Fact]
    public async Task Nonce_taken_by_another_transaction_gets_a_fresh_transaction_at_a_new_nonce()
    {
        var batch = await CloseBatchAsync();
        Chain.BeforeBroadcast = _ => throw new OperationCanceledException("the process died here");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NewAnchorer().AnchorAsync(batch, CancellationToken.None));
        Chain.BeforeBroadcast = null;
        var stored = await BatchAsync(batch.Id);
        Chain.SpendNonce(stored.TxNonce!.Value); // meanwhile another operator transaction (a relayed revocation) took it

        Chain.AutoMine = true;
        await NewAnchorer().AnchorAsync(stored, CancellationToken.None).WaitAsync(Patience);

        var mined = await BatchAsync(batch.Id);
        Assert.Equal((AnchorBatchState.Mined, 2), (mined.State, mined.SendAttempts));
        Assert.Equal(stored.TxNonce + 1, mined.TxNonce);
        Assert.Equal(Chain.BlockOf(mined.TxHash!), mined.BlockNumber);
    }

    [Fact]
    public async Task Transaction_that_could_not_be_stored_is_never_broadcast_and_gives_its_nonce_back()
    {
        var batch = await CloseBatchAsync();
        using var failing = new CancellationTokenSource();
        Chain.BeforeSign = failing.Cancel; // the store write after the signature fails

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NewAnchorer().AnchorAsync(batch, failing.Token));

        Assert.Empty(Chain.Broadcasts);
        Assert.Equal((AnchorBatchState.Open, 0), ((await BatchAsync(batch.Id)).State, (await BatchAsync(batch.Id)).SendAttempts));
        Chain.BeforeSign = null;
        Chain.AutoMine = true;
        await NewAnchorer().AnchorAsync(batch, CancellationToken.None).WaitAsync(Patience);
        Assert.Equal((AnchorBatchState.Mined, 0L), ((await BatchAsync(batch.Id)).State, (await BatchAsync(batch.Id)).TxNonce!.Value));
    }
}
