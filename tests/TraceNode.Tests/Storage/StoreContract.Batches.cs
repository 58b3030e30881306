using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Storage;

namespace Trace.Node.Tests.Storage;

public abstract partial class StoreContract
{
    private async Task<List<AcceptedClaim>> QueueAsync(int count)
    {
        var claims = new List<AcceptedClaim>();
        for (var i = 0; i < count; i++)
        {
            claims.Add(Claims.Random());
            await Store.AddAcceptedClaimAsync(claims[^1], CancellationToken.None);
            Clock.Advance(TimeSpan.FromMilliseconds(1));
        }
        return claims;
    }

    [StoreFact]
    public async Task Batch_takes_the_oldest_queued_claims_and_fixes_their_proofs()
    {
        var claims = await QueueAsync(5);
        IReadOnlyList<byte[]>? given = null;
        var batch = await Store.CreateBatchAsync(3, d => Claims.FakeTree(given = d), CancellationToken.None);

        Assert.NotNull(batch);
        Assert.Equal(AnchorBatchState.Open, batch.State);
        Assert.Equal(3, batch.LeafCount);
        Assert.Equal(claims.Take(3).Select(c => c.RecordId), given!.Select(d => Hex.Encode(d)));
        var records = await Store.ListBatchRecordsAsync(batch.Id, CancellationToken.None);
        Assert.Equal(claims.Take(3).Select(c => c.RecordId), records.Select(r => r.Id));
        Assert.Equal(Keccak256.Hash(claims[1].Digest), Assert.Single(records[1].Placement!.Proof));
        Assert.All(records, r => Assert.Equal(RecordStatus.Pending, r.Status));

        var queue = await Store.GetQueueInfoAsync(CancellationToken.None);
        Assert.Equal(2, queue.Count);
        Assert.Equal((await Store.GetRecordAsync(claims[3].RecordId, CancellationToken.None))!.AcceptedAt, queue.OldestAcceptedAt);
        Assert.Equal(batch.Id, (await Store.FindBatchByRootAsync(batch.Root, CancellationToken.None))!.Id);
    }

    [StoreFact]
    public async Task Queue_info_read_while_the_batcher_empties_the_queue_never_fails()
    {
        // The node's GetNodeInfo reads the queue while the batcher closes batches; the last claims can leave the
        // queue between its count and its look-up of the oldest one.
        var reads = 0;
        using var done = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var queue = await Store.GetQueueInfoAsync(CancellationToken.None);
                Assert.Equal(queue.Count == 0, queue.OldestAcceptedAt is null);
                reads++;
            }
        });
        for (var round = 0; round < 300 && !reader.IsCompleted; round++)
        {
            await Store.AddAcceptedClaimAsync(Claims.Random(), CancellationToken.None);
            await Store.CreateBatchAsync(10, Claims.FakeTree, CancellationToken.None);
        }
        await done.CancelAsync();
        await reader; // rethrows what the reader met
        Assert.True(reads > 0);
    }

    [StoreFact]
    public async Task Batch_of_an_empty_queue_is_null()
    {
        Assert.Null(await Store.CreateBatchAsync(10, Claims.FakeTree, CancellationToken.None));
    }

    [StoreFact]
    public async Task Failing_tree_builder_leaves_the_queue_untouched()
    {
        await QueueAsync(3);
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Store.CreateBatchAsync(10, _ => throw new InvalidOperationException("boom"), CancellationToken.None));

        Assert.Equal(3, (await Store.GetQueueInfoAsync(CancellationToken.None)).Count);
        Assert.Empty(await Store.ListUnfinishedBatchesAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task Batch_lifecycle_moves_records_to_anchored_then_confirmed_with_feed_entries()
    {
        var claims = await QueueAsync(2);
        var batch = (await Store.CreateBatchAsync(10, Claims.FakeTree, CancellationToken.None))!;
        var start = await Store.GetLatestStatusChangeSequenceAsync(CancellationToken.None);

        await Store.MarkBatchSendingAsync(batch.Id, 7, Keccak256.HashUtf8("tx"), [0x02, 0x01], CancellationToken.None);
        await Store.MarkBatchSentAsync(batch.Id, Keccak256.HashUtf8("tx"), CancellationToken.None);
        var minedAt = Clock.GetUtcNow();
        var mined = await Store.MarkBatchMinedAsync(batch.Id, Keccak256.HashUtf8("tx"), 99, Keccak256.HashUtf8("block"), minedAt, CancellationToken.None);
        Assert.Equal((AnchorBatchState.Mined, 99L, 7L, 1), (mined.State, mined.BlockNumber!.Value, mined.TxNonce!.Value, mined.SendAttempts));
        var anchored = await Store.GetRecordAsync(claims[0].RecordId, CancellationToken.None);
        Assert.Equal((RecordStatus.Anchored, minedAt), (anchored!.Status, anchored.AnchoredAt!.Value));
        Assert.Equal(batch.Root, anchored.Placement!.Root);
        Assert.Equal(Keccak256.HashUtf8("tx"), anchored.Anchor!.TxHash);
        Assert.Equal(99L, anchored.Anchor.BlockNumber);
        Assert.Equal(Keccak256.HashUtf8("block"), anchored.Anchor.BlockHash);

        Clock.Advance(TimeSpan.FromSeconds(30));
        var confirmed = await Store.MarkBatchConfirmedAsync(batch.Id, CancellationToken.None);
        await Store.MarkBatchConfirmedAsync(batch.Id, CancellationToken.None); // repeating writes nothing new
        Assert.Equal(AnchorBatchState.Confirmed, confirmed.State);
        Assert.All(await Store.ListBatchRecordsAsync(batch.Id, CancellationToken.None), r => Assert.Equal(RecordStatus.Confirmed, r.Status));
        Assert.Empty(await Store.ListUnfinishedBatchesAsync(CancellationToken.None));

        var feed = await Store.ReadStatusChangesAsync(start, 100, null, CancellationToken.None);
        Assert.Equal(4, feed.Count);
        Assert.Equal([RecordChange.Anchored, RecordChange.Anchored, RecordChange.Confirmed, RecordChange.Confirmed], feed.Select(c => c.Change));
        Assert.True(feed.Zip(feed.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
    }

    [StoreFact]
    public async Task Reorganised_batch_returns_to_sent_and_its_records_to_pending()
    {
        var claims = await QueueAsync(1);
        var batch = (await Store.CreateBatchAsync(10, Claims.FakeTree, CancellationToken.None))!;
        await Store.MarkBatchMinedAsync(batch.Id, Keccak256.HashUtf8("tx"), 5, Keccak256.HashUtf8("b5"), Clock.GetUtcNow(), CancellationToken.None);

        var reverted = await Store.MarkBatchUnminedAsync(batch.Id, CancellationToken.None);

        Assert.Equal((AnchorBatchState.Sent, (long?)null), (reverted.State, reverted.BlockNumber));
        var record = await Store.GetRecordAsync(claims[0].RecordId, CancellationToken.None);
        Assert.Equal((RecordStatus.Pending, batch.Id), (record!.Status, record.Placement!.BatchId));
        Assert.Null(record.AnchoredAt);
        Assert.Null(record.Anchor);
        Assert.Equal(RecordChange.Unanchored, (await Store.ReadStatusChangesAsync(0, 100, record.Id, CancellationToken.None))[^1].Change);
    }

    [StoreFact]
    public async Task Signed_transaction_is_stored_before_it_is_marked_sent_and_a_replacement_overwrites_it()
    {
        await QueueAsync(1);
        var batch = (await Store.CreateBatchAsync(10, Claims.FakeTree, CancellationToken.None))!;
        byte[] first = [0x02, 0xaa], second = [0x02, 0xbb];

        var sending = await Store.MarkBatchSendingAsync(batch.Id, 3, Keccak256.Hash(first), first, CancellationToken.None);
        var stored = (await Store.GetBatchAsync(batch.Id, CancellationToken.None))!;
        Assert.Equal((AnchorBatchState.Sending, 3L, 1, (DateTimeOffset?)null), (stored.State, stored.TxNonce!.Value, stored.SendAttempts, stored.SentAt));
        Assert.Equal(first, stored.TxRaw);
        Assert.Equal(Keccak256.Hash(first), sending.TxHash);

        await Store.MarkBatchSentAsync(batch.Id, Keccak256.Hash(first), CancellationToken.None);
        await Store.MarkBatchSendingAsync(batch.Id, 3, Keccak256.Hash(second), second, CancellationToken.None);
        // The node accepting the first transaction after its replacement was stored names a transaction the row no longer holds.
        await Assert.ThrowsAsync<ArgumentException>(() => Store.MarkBatchSentAsync(batch.Id, Keccak256.Hash(first), CancellationToken.None));
        var replaced = (await Store.GetBatchAsync(batch.Id, CancellationToken.None))!;
        Assert.Equal((AnchorBatchState.Sending, 3L, 2), (replaced.State, replaced.TxNonce!.Value, replaced.SendAttempts));
        Assert.Equal(second, replaced.TxRaw);
        Assert.Equal(Keccak256.Hash(second), replaced.TxHash);
    }

    [StoreFact]
    public async Task Root_mined_by_another_transaction_than_the_stored_one_forgets_the_stored_bytes()
    {
        await QueueAsync(1);
        var batch = (await Store.CreateBatchAsync(10, Claims.FakeTree, CancellationToken.None))!;
        byte[] replacement = [0x02, 0xbb];
        await Store.MarkBatchSendingAsync(batch.Id, 3, Keccak256.Hash(replacement), replacement, CancellationToken.None);

        var mined = await Store.MarkBatchMinedAsync(batch.Id, Keccak256.HashUtf8("the original"), 8, Keccak256.HashUtf8("b8"), Clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(Keccak256.HashUtf8("the original"), mined.TxHash);
        Assert.Null((await Store.GetBatchAsync(batch.Id, CancellationToken.None))!.TxRaw);
    }

    [StoreFact]
    public async Task Impossible_batch_transitions_are_refused()
    {
        await QueueAsync(1);
        var batch = (await Store.CreateBatchAsync(10, Claims.FakeTree, CancellationToken.None))!;

        var error = await Assert.ThrowsAsync<InvalidBatchTransitionException>(() => Store.MarkBatchConfirmedAsync(batch.Id, CancellationToken.None));
        Assert.Equal((AnchorBatchState.Open, AnchorBatchState.Confirmed), (error.From, error.To));
        await Assert.ThrowsAsync<InvalidBatchTransitionException>(() => Store.MarkBatchSentAsync(batch.Id, new byte[32], CancellationToken.None));
        await Assert.ThrowsAsync<BatchNotFoundException>(() => Store.MarkBatchSendingAsync(batch.Id + 1000, 1, new byte[32], [0x02], CancellationToken.None));
        Assert.Equal(AnchorBatchState.Open, (await Store.GetBatchAsync(batch.Id, CancellationToken.None))!.State);
    }

    [StoreFact]
    public async Task Concurrent_batchers_never_put_a_claim_in_two_batches()
    {
        await QueueAsync(20);
        async Task<int> Batcher()
        {
            var taken = 0;
            for (var i = 0; i < 10; i++)
            {
                try
                {
                    var batch = await Store.CreateBatchAsync(3, Claims.FakeTree, CancellationToken.None);
                    if (batch is null) break;
                    taken += batch.LeafCount;
                }
                catch (BatchConflictException)
                {
                    // the other batcher won this round; retry
                }
            }
            return taken;
        }

        var taken = await Task.WhenAll(Task.Run(Batcher), Task.Run(Batcher), Task.Run(Batcher));

        Assert.Equal(20, taken.Sum());
        Assert.Equal(0, (await Store.GetQueueInfoAsync(CancellationToken.None)).Count);
        var batches = await Store.ListUnfinishedBatchesAsync(CancellationToken.None);
        var members = new List<string>();
        foreach (var b in batches) members.AddRange((await Store.ListBatchRecordsAsync(b.Id, CancellationToken.None)).Select(r => r.Id));
        Assert.Equal(20, members.Distinct().Count());
        Assert.Equal(20, members.Count);
        Assert.Equal(batches.Sum(b => b.LeafCount), members.Count);
    }
}
