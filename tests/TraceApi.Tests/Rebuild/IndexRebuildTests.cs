using Trace.Api.Tests.Support;
using Trace.Protos.V1;
using Xunit.Abstractions;

namespace Trace.Api.Tests.Rebuild;

/// <summary>
/// The index is derived data: with the database deleted, the offline <c>rebuild-index</c> command (and, beside a live
/// node, the RebuildIndex RPC) builds one equal to it row by row from the blob store's journal and the chain.
/// </summary>
public sealed class IndexRebuildTests(EvidenceNodeFixture node, ITestOutputHelper output) : IClassFixture<EvidenceNodeFixture>
{
    [Fact]
    public async Task Deleting_the_database_and_rebuilding_gives_back_every_row()
    {
        var scenario = await IndexScenario.RunAsync(node);
        await AuditDrillTests.AuditCleanAsync(node); // the pipeline has settled: every row agrees with the blob store and the chain

        // Beside the live node: the admin RPC writes a fresh index under <data>/rebuilds/.
        var rebuilt = await new IndexAdminService.IndexAdminServiceClient(node.Api.Channel).RebuildIndexAsync(new RebuildIndexRequest { Name = "beside-live.db" });
        Assert.Empty(rebuilt.Problems);
        Assert.Empty(rebuilt.Refused);
        Assert.True(rebuilt.Records >= (ulong)scenario.AllRecords.Count, $"{rebuilt.Records} records rebuilt");
        Assert.Equal(rebuilt.Batches, rebuilt.AnchoredBatches);
        Assert.Equal(1UL, rebuilt.WithdrawnRecords);
        output.WriteLine($"RPC: {rebuilt.Records} records, {rebuilt.Batches} batches, {rebuilt.RpcCalls} RPC calls, {rebuilt.ElapsedMs} ms");

        var original = Path.Combine(Path.GetTempPath(), $"trace-original-{Guid.NewGuid():N}.db");
        string? offline = null;
        await node.RestartAsync(async data =>
        {
            var live = Path.Combine(data, "trace.db");
            IndexTables.CopyIndex(live, original);
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(live + suffix);
            var (exit, text) = await RebuildCommand.RunAsync(data);
            output.WriteLine(text);
            Assert.True(exit == 0, $"rebuild-index exited with {exit}:\n{text}");
            offline = live;
            IndexTables.AssertEqual(original, live);
            IndexTables.AssertEqual(original, rebuilt.DatabasePath);
        });
        Assert.NotNull(offline);

        // The node serves from the rebuilt index: the records are there, CONFIRMED, and the audit finds nothing.
        foreach (var id in scenario.AllRecords)
            Assert.Equal(RecordStatus.Confirmed, (await node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = id })).Record.Status);
        Assert.True((await node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = scenario.RevokedReport })).Record.Revocation is not null);
        var footprint = (await new LineageService.LineageServiceClient(node.Api.Channel).GetFootprintAsync(new GetFootprintRequest { BatchId = scenario.CoilBatch })).Footprint;
        Assert.True(footprint.RestsOnWithdrawnEvidence);
        // The pig iron's shipment followed a route plan whose lane is gone: the plan came back from the blob store,
        // priced for the 50 t shipped, 120 km × 50 t × road's 0.09 = 540 kg, against nothing recorded (no legs).
        var planned = Assert.Single(footprint.PlannedTransport);
        Assert.Equal(("540", "0"), (planned.PlannedShipmentKgCo2E, planned.RecordedShipmentKgCo2E));
        await AuditDrillTests.AuditCleanAsync(node);
        File.Delete(original);
    }
}
