using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Trace.Api.Tests.Evidence;
using Trace.Api.Tests.Support;
using Trace.Protos.V1;
using Xunit.Abstractions;

namespace Trace.Api.Tests.Rebuild;

/// <summary>
/// Killing a rebuild half-way loses nothing: the node killed during an online RebuildIndex restarts on its live index
/// (every record CONFIRMED, the audit clean) and the next rebuild of the same name completes; the offline
/// <c>rebuild-index</c> killed half-way leaves the live index as it was, and run again it puts an equal one in place.
/// </summary>
public sealed class RebuildKillDrillTests(EvidenceNodeFixture node, ITestOutputHelper output) : IClassFixture<EvidenceNodeFixture>
{
    [Fact]
    public async Task Killing_the_node_or_the_offline_command_during_a_rebuild_leaves_the_live_index_whole_and_the_next_rebuild_completes()
    {
        var scenario = await IndexScenario.RunAsync(node);
        var records = new List<string>(scenario.AllRecords); // the documents included
        records.AddRange(await SeedDocumentsAsync(300)); // enough for the rebuild to take a moment
        foreach (var id in records) await node.Evidence.WaitForStatusAsync(id, RecordStatus.Confirmed, TimeSpan.FromMinutes(2));
        await AuditDrillTests.AuditCleanAsync(node);

        // Online: SIGKILL the node while RebuildIndex writes its file.
        var rebuilds = Path.Combine(node.DataDirectory, "rebuilds");
        var admin = new IndexAdminService.IndexAdminServiceClient(node.Api.Channel);
        var call = admin.RebuildIndexAsync(new RebuildIndexRequest { Name = "killed.db" }).ResponseAsync;
        await WaitForFileAsync(rebuilds, "killed.db.partial", call);
        await node.Api.SignalAndWaitAsync(9);
        await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => call);
        Assert.False(File.Exists(Path.Combine(rebuilds, "killed.db")), "a half-built index is never under the final name");

        await node.RestartAsync();
        foreach (var id in records)
            Assert.Equal(RecordStatus.Confirmed, (await node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = id })).Record.Status);
        await AuditDrillTests.AuditCleanAsync(node);
        var again = await new IndexAdminService.IndexAdminServiceClient(node.Api.Channel).RebuildIndexAsync(new RebuildIndexRequest { Name = "killed.db" });
        Assert.Empty(again.Problems);
        Assert.Empty(again.Refused);
        Assert.True(again.Records >= (ulong)records.Count, $"{again.Records} records rebuilt");
        Assert.Equal(Path.Combine(rebuilds, "killed.db"), again.DatabasePath);
        Assert.False(File.Exists(Path.Combine(rebuilds, "killed.db.partial")));

        // Offline: SIGKILL rebuild-index while it builds trace.db.rebuilding-*; the live index is untouched; a second run
        // deletes the leftover and puts an index equal to the original in place.
        var original = Path.Combine(Path.GetTempPath(), $"trace-original-{Guid.NewGuid():N}.db");
        await node.RestartAsync(async data =>
        {
            var live = Path.Combine(data, "trace.db");
            IndexTables.CopyIndex(live, original);
            using (var killed = RebuildCommand.Start(data))
            {
                await WaitForFileAsync(data, "trace.db.rebuilding-*", killed.WaitForExitAsync());
                killed.Kill(); // SIGKILL
                await killed.WaitForExitAsync();
            }
            Assert.Empty(await ProcessProbe.WaitForNoAnvilAsync(data, TimeSpan.FromSeconds(15))); // its chain went with it
            IndexTables.AssertEqual(original, live);
            Assert.NotEmpty(Directory.EnumerateFiles(data, "trace.db.rebuilding-*"));

            var (exit, text) = await RebuildCommand.RunAsync(data);
            output.WriteLine(text);
            Assert.True(exit == 0, $"rebuild-index exited with {exit}:\n{text}");
            Assert.Empty(Directory.EnumerateFiles(data, "trace.db.rebuilding-*"));
            IndexTables.AssertEqual(original, live);
        });
        foreach (var id in records)
            Assert.Equal(RecordStatus.Confirmed, (await node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = id })).Record.Status);
        await AuditDrillTests.AuditCleanAsync(node);
        File.Delete(original);
    }

    private async Task<List<string>> SeedDocumentsAsync(int count)
    {
        var signers = Enumerable.Range(0, 3).Select(_ => node.NewSigner()).ToArray();
        foreach (var signer in signers) await node.RegisterAsync(signer.Address, Trace.Chain.Contracts.Registries.ParticipantRoles.Supplier);
        var ids = await Task.WhenAll(signers.Select(async (signer, s) =>
        {
            var mine = new List<string>();
            for (var i = s; i < count; i += signers.Length)
            {
                var content = Encoding.UTF8.GetBytes($"rebuild kill drill document {i} {Guid.NewGuid()}");
                var subject = $"urn:trace:rebuildkill:{i}";
                var header = new SubmitDocumentHeader { SignedClaim = signer.Sign(SHA256.HashData(content), RecordKind.TransportRecord, subject), SubjectId = subject, MediaType = "text/plain" };
                mine.Add((await node.Evidence.UploadAsync(header, content)).Record.Id);
            }
            return mine;
        }));
        return [.. ids.SelectMany(i => i)];
    }

    /// <summary>Waits until a file matching <paramref name="pattern"/> exists in <paramref name="directory"/>; fails if <paramref name="work"/> ends first.</summary>
    private static async Task WaitForFileAsync(string directory, string pattern, Task work)
    {
        var clock = Stopwatch.StartNew();
        while (!(Directory.Exists(directory) && Directory.EnumerateFiles(directory, pattern).Any()))
        {
            Assert.False(work.IsCompleted, $"the rebuild ended before {pattern} could be seen in {directory}");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"no {pattern} in {directory}");
            await Task.Delay(5);
        }
    }
}
