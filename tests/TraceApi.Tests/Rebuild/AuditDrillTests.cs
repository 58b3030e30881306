using Microsoft.Data.Sqlite;
using Trace.Api.Tests.Support;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Rebuild;

/// <summary>
/// Tamper drills: one change to the index or the blob store at a time (a blob's byte, a content hash, a status, a lineage
/// quantity, a deleted row, a forged row); the audit reports exactly that, with the right kind, and nothing else. Each
/// drill is undone before the next, and the node's audit is clean before and after.
/// </summary>
public sealed class AuditDrillTests(AuditDrillTests.DrillNode drill, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AuditDrillTests.DrillNode>
{
    public static TheoryData<string> Drills => ["blob-byte", "content-hash", "status", "lineage-quantity", "deleted-row", "forged-row"];

    [Theory]
    [MemberData(nameof(Drills))]
    public async Task Audit_reports_each_tampering_with_its_kind_and_nothing_else(string name)
    {
        var node = drill.Node;
        var scenario = await drill.ScenarioAsync();
        var index = Path.Combine(node.DataDirectory, "trace.db");
        var smallBlobs = Path.Combine(node.DataDirectory, "blobs", "small.db");
        var forged = "0x" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var (target, kind, (tamper, undo)) = name switch
        {
            "blob-byte" => (scenario.Documents[2], AuditFindingKind.ContentTampered, FlipBlobByte(smallBlobs, await ContentHashAsync(node, scenario.Documents[2]))),
            "content-hash" => (scenario.Documents[3], AuditFindingKind.RowAltered,
                Swap(index, "UPDATE \"EvidenceRecords\" SET \"ContentHash\" = randomblob(32) WHERE \"Id\" = $id", scenario.Documents[3], "ContentHash")),
            "status" => (scenario.Documents[2], AuditFindingKind.StateDiffers,
                Swap(index, "UPDATE \"EvidenceRecords\" SET \"Status\" = 'Anchored' WHERE \"Id\" = $id", scenario.Documents[2], "Status")),
            "lineage-quantity" => (scenario.OreRecord, AuditFindingKind.LineageAltered, SwapLineageQuantity(index, scenario.OreBatch)),
            "deleted-row" => (scenario.Documents[3], AuditFindingKind.RowMissing, DeleteRow(index, scenario.Documents[3])),
            "forged-row" => (forged, AuditFindingKind.RowUnbacked, ForgeRow(index, scenario.Documents[0], forged)),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        List<AuditFinding> findings;
        try
        {
            tamper();
            (findings, _) = await AuditAsync(node);
        }
        finally
        {
            undo();
        }
        foreach (var other in findings.Where(f => f.RecordId != target && f.RecordId != ""))
        {
            var record = (await node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = other.RecordId })).Record;
            output.WriteLine($"unexpected: {other.Kind} {other.RecordId} kind {record.SignedClaim.Claim.Kind} subject {record.SubjectId} accepted {record.AcceptedAt} media {record.MediaType}");
        }
        var finding = Assert.Single(findings);
        Assert.Equal((target, kind), (finding.RecordId, finding.Kind));
        Assert.NotEmpty(finding.FailedChecks);
        Assert.Empty((await AuditAsync(node)).Findings);
    }

    /// <summary>Runs AuditIndex to the end: the findings and the summary.</summary>
    internal static Task<(List<AuditFinding> Findings, AuditSummary Summary)> AuditAsync(EvidenceNodeFixture node) => AuditAsync(node.Api.Channel);

    /// <summary>Audits until the audit finds nothing (the pipeline settles within a minute), else fails listing what it reports.</summary>
    internal static async Task AuditCleanAsync(EvidenceNodeFixture node)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (findings, _) = await AuditAsync(node);
            if (findings.Count == 0) return;
            if (DateTime.UtcNow > deadline)
                Assert.Fail("the audit still reports:\n" + string.Join("\n", findings.Select(f => $"{f.Kind} {f.RecordId} {f.Problem}: {string.Join("; ", f.FailedChecks)}")));
            await Task.Delay(500);
        }
    }

    /// <summary>Runs AuditIndex over <paramref name="channel"/> to the end.</summary>
    internal static async Task<(List<AuditFinding> Findings, AuditSummary Summary)> AuditAsync(Grpc.Core.CallInvoker channel)
    {
        using var call = new AuditService.AuditServiceClient(channel).AuditIndex(new AuditIndexRequest());
        var findings = new List<AuditFinding>();
        AuditSummary? summary = null;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (call.ResponseStream.Current.ItemCase == AuditIndexResponse.ItemOneofCase.Finding) findings.Add(call.ResponseStream.Current.Finding);
            else summary = call.ResponseStream.Current.Summary;
        }
        return (findings, summary ?? throw new InvalidOperationException("the audit ended without a summary"));
    }

    private static async Task<byte[]> ContentHashAsync(EvidenceNodeFixture node, string id) =>
        (await node.Evidence.GetRecordAsync(new GetRecordRequest { RecordId = id })).Record.SignedClaim.Claim.ContentHash.ToByteArray();

    private static (Action, Action) FlipBlobByte(string path, byte[] hash)
    {
        byte[]? original = null;
        return (() =>
        {
            using var db = Open(path);
            original = (byte[])Scalar(db, "SELECT content FROM blobs WHERE hash = $p", hash)!;
            var changed = (byte[])original.Clone();
            changed[^5] ^= 0x01;
            Assert.Equal(1, Execute(db, "UPDATE blobs SET content = $v WHERE hash = $p", hash, changed));
        }, () =>
        {
            using var db = Open(path);
            Execute(db, "UPDATE blobs SET content = $v WHERE hash = $p", hash, original!);
        });
    }

    // Runs the update, and puts the column's old value back on undo.
    private static (Action, Action) Swap(string path, string update, string id, string column)
    {
        object? old = null;
        return (() =>
        {
            using var db = Open(path);
            old = Scalar(db, $"SELECT \"{column}\" FROM \"EvidenceRecords\" WHERE \"Id\" = $p", id);
            using var command = db.CreateCommand();
            command.CommandText = update;
            command.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, command.ExecuteNonQuery());
        }, () =>
        {
            using var db = Open(path);
            Execute(db, $"UPDATE \"EvidenceRecords\" SET \"{column}\" = $v WHERE \"Id\" = $p", id, old!);
        });
    }

    private static (Action, Action) SwapLineageQuantity(string path, string batchId)
    {
        object? old = null;
        return (() =>
        {
            using var db = Open(path);
            old = Scalar(db, "SELECT \"Quantity\" FROM \"LineageBatches\" WHERE \"BatchId\" = $p", batchId);
            Assert.Equal(1, Execute(db, "UPDATE \"LineageBatches\" SET \"Quantity\" = $v WHERE \"BatchId\" = $p", batchId, "1000"));
        }, () =>
        {
            using var db = Open(path);
            Execute(db, "UPDATE \"LineageBatches\" SET \"Quantity\" = $v WHERE \"BatchId\" = $p", batchId, old!);
        });
    }

    private static (Action, Action) DeleteRow(string path, string id) => (() =>
    {
        using var db = Open(path);
        Execute(db, "DROP TABLE IF EXISTS drill_saved; CREATE TABLE drill_saved AS SELECT * FROM \"EvidenceRecords\" WHERE \"Id\" = $p", id);
        Assert.Equal(1, Execute(db, "DELETE FROM \"EvidenceRecords\" WHERE \"Id\" = $p", id));
    }, () =>
    {
        using var db = Open(path);
        Assert.Equal(1, Execute(db, "INSERT INTO \"EvidenceRecords\" SELECT * FROM drill_saved", id));
        Execute(db, "DROP TABLE drill_saved", id);
    });

    private static (Action, Action) ForgeRow(string path, string templateId, string forgedId) => (() =>
    {
        using var db = Open(path);
        Execute(db, "DROP TABLE IF EXISTS drill_forged; CREATE TABLE drill_forged AS SELECT * FROM \"EvidenceRecords\" WHERE \"Id\" = $p", templateId);
        // Forged as anchored in an existing batch (a queued row would be picked up by the batcher).
        Execute(db, "UPDATE drill_forged SET \"Id\" = $p", forgedId);
        Assert.Equal(1, Execute(db, "INSERT INTO \"EvidenceRecords\" SELECT * FROM drill_forged", forgedId));
        Execute(db, "DROP TABLE drill_forged", forgedId);
    }, () =>
    {
        using var db = Open(path);
        Execute(db, "DELETE FROM \"EvidenceRecords\" WHERE \"Id\" = $p", forgedId);
    });

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection db, string sql, object parameter)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", parameter);
        return command.ExecuteScalar();
    }

    private static int Execute(SqliteConnection db, string sql, object parameter, object? value = null)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", parameter);
        if (value is not null) command.Parameters.AddWithValue("$v", value);
        return command.ExecuteNonQuery();
    }

    /// <summary>A node of its own with the scenario's records, built once for all drills.</summary>
    public sealed class DrillNode : IAsyncLifetime
    {
        private readonly SemaphoreSlim _once = new(1, 1);
        private IndexScenario? _scenario;

        public EvidenceNodeFixture Node { get; } = new();

        public async Task<IndexScenario> ScenarioAsync()
        {
            await _once.WaitAsync();
            try
            {
                if (_scenario is null)
                {
                    _scenario = await IndexScenario.RunAsync(Node);
                    var deadline = DateTime.UtcNow.AddSeconds(60);
                    while ((await AuditAsync(Node)).Findings is { Count: > 0 } findings)
                    {
                        if (DateTime.UtcNow > deadline)
                            Assert.Fail("before any drill the audit reports:\n" + string.Join("\n", findings.Select(f => $"{f.Kind} {f.RecordId} {f.Problem}: {string.Join("; ", f.FailedChecks)}")));
                        await Task.Delay(500);
                    }
                }
                return _scenario;
            }
            finally { _once.Release(); }
        }

        public Task InitializeAsync() => Node.InitializeAsync();

        public Task DisposeAsync() => Node.DisposeAsync();
    }
}
