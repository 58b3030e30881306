using System.Text;
using Microsoft.Data.Sqlite;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Evidence;

/// <summary>The index is derived data: an audit against the blob store and the chain notices a tampered row or a lost blob.</summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class IndexAuditTests(EvidenceNodeFixture node)
{
    [Fact]
    public async Task Audit_reports_a_tampered_row_and_a_replaced_blob_and_nothing_about_intact_records()
    {
        var supplier = node.NewSigner();
        await node.RegisterAsync(supplier.Address, ParticipantRoles.Supplier);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var response = await node.Evidence.SubmitRecordAsync(supplier.StructuredRecord($"urn:trace:audit:{i}", RecordKind.Batch, LineageBodies.Batch($"urn:trace:audit:{i}", amount: $"{i + 1}00")));
            ids.Add(response.Record.Id);
        }
        foreach (var id in ids) await node.Evidence.WaitForStatusAsync(id, RecordStatus.Confirmed);

        var before = await AuditAsync();
        Assert.DoesNotContain(before.Findings, f => ids.Contains(f.RecordId));
        Assert.True(before.Summary.Records >= 4);

        // Someone with database access changes a recorded figure's subject, and swaps the stored content of another.
        using (var index = Open(Path.Combine(node.Api.DataDirectory, "trace.db")))
            Execute(index, "UPDATE \"EvidenceRecords\" SET \"Subject\" = 'urn:trace:audit:forged' WHERE \"Id\" = $id", ids[1]);
        var contentHash = (await node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = ids[2] })).Record.SignedClaim.Claim.ContentHash.ToByteArray();
        using (var blobs = Open(Path.Combine(node.Api.DataDirectory, "blobs", "small.db")))
        {
            using var command = blobs.CreateCommand();
            command.CommandText = "UPDATE blobs SET content = $content WHERE hash = $hash";
            command.Parameters.AddWithValue("$content", Encoding.UTF8.GetBytes("{\"kg\":\"1\"}"));
            command.Parameters.AddWithValue("$hash", contentHash);
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var after = await AuditAsync();
        var findings = after.Findings.Where(f => ids.Contains(f.RecordId)).ToDictionary(f => f.RecordId);
        Assert.Equal([ids[1], ids[2]], findings.Keys.OrderBy(id => ids.IndexOf(id)));
        Assert.Equal(RecordStatus.Confirmed, findings[ids[1]].IndexedStatus);
        Assert.NotEqual(VerificationStatus.Verified, findings[ids[1]].Verdict);
        Assert.Equal(VerificationStatus.Tampered, findings[ids[2]].Verdict);
        Assert.Contains(findings[ids[2]].FailedChecks, c => c.StartsWith("content_hash", StringComparison.Ordinal));
        Assert.Equal(before.Summary.Findings + 2, after.Summary.Findings);
    }

    private async Task<(List<AuditFinding> Findings, AuditSummary Summary)> AuditAsync()
    {
        using var call = new AuditService.AuditServiceClient(node.Api.Channel).AuditIndex(new AuditIndexRequest());
        var findings = new List<AuditFinding>();
        AuditSummary? summary = null;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (call.ResponseStream.Current.ItemCase == AuditIndexResponse.ItemOneofCase.Finding) findings.Add(call.ResponseStream.Current.Finding);
            else summary = call.ResponseStream.Current.Summary;
        }
        return (findings, summary ?? throw new InvalidOperationException("the audit ended without a summary"));
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql, string id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
