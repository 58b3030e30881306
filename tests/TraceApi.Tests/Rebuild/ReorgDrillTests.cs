using System.Collections.Concurrent;
using System.Globalization;
using Trace.Api.Tests.Evidence;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Protos.V1;
using Xunit.Abstractions;

namespace Trace.Api.Tests.Rebuild;

/// <summary>
/// The reorganisation drill on a real Anvil: records anchored in blocks that <c>anvil_revert</c> takes away (followed by
/// new blocks) go back to PENDING, are anchored again and end CONFIRMED exactly once; no root is anchored twice on the
/// canonical chain, no row is duplicated or lost, and the audit finds nothing.
/// </summary>
public sealed class ReorgDrillTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Forty blocks deep before CONFIRMED (the embedded chain also mines one block a second), so the anchoring blocks are
    // still unconfirmed when they are reverted; a reorganisation deeper than the confirmation depth is outside the model.
    private readonly EvidenceNodeFixture _node = new(new Dictionary<string, string> { ["Chain:Confirmations"] = "40", ["Trace:Anchoring:MaxBatchSize"] = "8",
        ["Trace:Anchoring:DropTimeoutMilliseconds"] = "3000" });

    [Fact]
    public async Task Records_in_reverted_blocks_go_back_to_pending_and_are_confirmed_once_in_the_new_chain()
    {
        var supplier = _node.NewSigner();
        await _node.RegisterAsync(supplier.Address, ParticipantRoles.Supplier);
        await MineAsync(4);
        await WaitAuditCleanAsync(); // nothing of the node's own in flight before the snapshot

        var snapshot = (await _node.Rpc.CallAsync("evm_snapshot", [])).GetString()!;
        var changes = new ConcurrentQueue<WatchRecordStatusResponse>();
        using var watching = new CancellationTokenSource();
        var watch = new EvidenceService.EvidenceServiceClient(_node.Api.Channel).WatchRecordStatus(new WatchRecordStatusRequest(), cancellationToken: watching.Token);
        var watcher = Task.Run(async () =>
        {
            try
            {
                while (await watch.ResponseStream.MoveNext(watching.Token)) changes.Enqueue(watch.ResponseStream.Current);
            }
            catch (Exception e) when (e is OperationCanceledException or Grpc.Core.RpcException) { }
        });

        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var subject = $"urn:trace:reorg:{Guid.NewGuid():N}";
            ids.Add((await _node.Evidence.SubmitRecordAsync(supplier.StructuredRecord(subject, RecordKind.Batch, LineageBodies.Batch(subject)))).Record.Id);
        }
        var firstAnchors = new Dictionary<string, (ulong Block, string Hash)>();
        foreach (var id in ids)
        {
            var anchored = await _node.Evidence.WaitForStatusAsync(id, RecordStatus.Anchored, TimeSpan.FromSeconds(90));
            firstAnchors[id] = (anchored.Anchor.BlockNumber, Convert.ToHexString(anchored.Anchor.BlockHash.Span));
        }

        // The reorganisation: the anchoring blocks vanish and other blocks take their heights.
        Assert.True((await _node.Rpc.CallAsync("evm_revert", [snapshot])).GetBoolean());
        await MineAsync(5);
        using (var mining = new CancellationTokenSource())
        {
            var miner = Task.Run(async () =>
            {
                while (!mining.IsCancellationRequested)
                {
                    try { await MineAsync(4); await Task.Delay(300, mining.Token); }
                    catch (OperationCanceledException) { }
                }
            });
            try
            {
                foreach (var id in ids) await _node.Evidence.WaitForStatusAsync(id, RecordStatus.Confirmed, TimeSpan.FromSeconds(180));
            }
            catch (TimeoutException)
            {
                output.WriteLine(string.Join('\n', _node.Api.Output.Split('\n').TakeLast(80)));
                throw;
            }
            await mining.CancelAsync();
            await miner;
        }
        await Task.Delay(500);
        await watching.CancelAsync();
        await watcher;

        var byRecord = changes.Where(c => ids.Contains(c.RecordId)).GroupBy(c => c.RecordId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var id in ids)
        {
            var seen = byRecord[id];
            Assert.Contains(seen, c => c.Change == RecordChange.Unanchored && c.Status == RecordStatus.Pending);
            Assert.Single(seen, c => c.Change == RecordChange.Confirmed);
            var final = (await _node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = id })).Record;
            Assert.Equal(RecordStatus.Confirmed, final.Status);
            Assert.NotEqual(firstAnchors[id].Hash, Convert.ToHexString(final.Anchor.BlockHash.Span)); // anchored again, in a block of the new chain
        }

        // One row per record, and every root anchored once on the canonical chain.
        var all = new List<EvidenceRecord>();
        var page = new ListRecordsResponse { NextPageToken = "" };
        do
        {
            page = await _node.Evidence.ListRecordsAsync(new ListRecordsRequest { PageSize = 500, PageToken = page.NextPageToken });
            all.AddRange(page.Records);
        } while (page.NextPageToken != "");
        Assert.Equal(all.Count, all.Select(r => r.Id).Distinct().Count());
        Assert.Empty(ids.Except(all.Select(r => r.Id)));
        var logs = await _node.Eth.GetLogsAsync(new LogFilter(0, await _node.Eth.BlockNumberAsync(), [_node.EvidenceRegistry], [ContractDefinition.Topic0<Trace.Chain.Contracts.Dtos.Evidence.BatchAnchoredEvent>()]));
        var roots = logs.Select(l => Convert.ToHexString(l.Topics[1])).ToList();
        Assert.Equal(roots.Count, roots.Distinct().Count());
        Assert.Subset(roots.ToHashSet(), all.Where(r => ids.Contains(r.Id)).Select(r => Convert.ToHexString(r.Anchor.MerkleRoot.Span)).ToHashSet());
        output.WriteLine($"{ids.Count} records re-anchored after the revert; {roots.Count} roots on the canonical chain");
        await WaitAuditCleanAsync();
    }

    private async Task MineAsync(int blocks) =>
        await _node.Rpc.CallAsync("anvil_mine", ["0x" + blocks.ToString("x", CultureInfo.InvariantCulture)]);

    private async Task WaitAuditCleanAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var (findings, _) = await AuditDrillTests.AuditAsync(_node);
            if (findings.Count == 0) return;
            if (DateTime.UtcNow > deadline)
                Assert.Fail("the audit still reports:\n" + string.Join("\n", findings.Select(f => $"{f.Kind} {f.RecordId} {f.Problem}: {string.Join("; ", f.FailedChecks)}")));
            await MineAsync(1);
            await Task.Delay(500);
        }
    }

    public Task InitializeAsync() => _node.InitializeAsync();

    public Task DisposeAsync() => _node.DisposeAsync();
}
