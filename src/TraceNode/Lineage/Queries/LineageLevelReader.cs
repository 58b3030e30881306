using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Node.Storage;

namespace Trace.Node.Lineage.Queries;

/// <summary>
/// One level of a lineage walk read in plain SQL over the context's open connection: a batch set's rows, a
/// transformation set's inputs and its outputs with the transformation's record id, each one statement whatever the
/// set's size (the ids go as one JSON array parameter in SQLite, one text[] in PostgreSQL).
/// </summary>
/// <remarks>
/// The walk of a 10,000-batch graph made about 160 EF queries with 500-parameter IN lists; building and binding those
/// cost several times the rows themselves. Decimals are stored as invariant text (see DecimalText) and parsed the same way.
/// On SQLite the rows come straight from the statement (<see cref="SqliteLevelRows"/>), sharing repeated strings; and
/// a set of at least <see cref="SplitAt"/> ids is read in two halves at once, the upper half over a second connection
/// (see <see cref="ReadAsync{T}"/>).
/// </remarks>
internal sealed class LineageLevelReader(DbConnection connection, Func<TraceDbContext> openPartner) : IAsyncDisposable
{
    /// <summary>The smallest id set read in two halves: below it, the second thread costs more than it saves.</summary>
    internal const int SplitAt = 256;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _partnerStrings = new(StringComparer.Ordinal);
    private TraceDbContext? _partner;

    /// <summary>The rows of <paramref name="batchIds"/> that exist.</summary>
    public Task<List<LineageQueries.NodeRow>> NodesAsync(IReadOnlyCollection<string> batchIds, CancellationToken ct) => ReadAsync(
        "SELECT b.\"BatchId\", b.\"RecordId\", b.\"Producer\", b.\"ProductName\", b.\"Quantity\", b.\"Unit\", b.\"Footprint\", " +
        "b.\"DeclarationRecordId\" IS NOT NULL, b.\"Standing\", b.\"RestsOnWithdrawn\", b.\"TransportNotReportedJson\" IS NOT NULL, b.\"ProducedBy\" " +
        $"FROM \"LineageBatches\" b WHERE b.\"BatchId\" {InIds}", batchIds,
        row => new LineageQueries.NodeRow(row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Decimal(4), row.Text(5), row.Decimal(6),
            row.Flag(7), row.Text(8), row.Flag(9), row.Flag(10), row.OptionalText(11)), ct);

    /// <summary>The inputs of <paramref name="transformations"/>.</summary>
    public Task<List<LineageQueries.InputRow>> InputsOfAsync(IReadOnlyCollection<string> transformations, CancellationToken ct) =>
        InputsAsync("TransformationId", transformations, ct);

    /// <summary>The inputs consuming <paramref name="batchIds"/>.</summary>
    public Task<List<LineageQueries.InputRow>> InputsConsumingAsync(IReadOnlyCollection<string> batchIds, CancellationToken ct) =>
        InputsAsync("BatchId", batchIds, ct);

    private Task<List<LineageQueries.InputRow>> InputsAsync(string column, IReadOnlyCollection<string> ids, CancellationToken ct) => ReadAsync(
        "SELECT i.\"TransformationId\", i.\"BatchId\", i.\"Amount\", i.\"Unit\", i.\"Converted\", i.\"ShipmentId\" " +
        $"FROM \"LineageInputs\" i WHERE i.\"{column}\" {InIds}", ids,
        row => new LineageQueries.InputRow(row.Text(0), row.Text(1), row.Decimal(2), row.Text(3), row.Decimal(4), row.OptionalText(5)), ct);

    /// <summary>The outputs of <paramref name="transformations"/>, and each transformation's record id.</summary>
    public async Task<(List<LineageQueries.OutputRow> Outputs, Dictionary<string, string> Records)> OutputsOfAsync(
        IReadOnlyCollection<string> transformations, CancellationToken ct)
    {
        var rows = await ReadAsync(
            "SELECT o.\"TransformationId\", o.\"BatchId\", o.\"Weight\", t.\"RecordId\" " +
            "FROM \"LineageOutputs\" o JOIN \"LineageTransformations\" t ON t.\"TransformationId\" = o.\"TransformationId\" " +
            $"WHERE o.\"TransformationId\" {InIds}", transformations,
            row => (Output: new LineageQueries.OutputRow(row.Text(0), row.Text(1), row.Decimal(2)), Record: row.Text(3)), ct).ConfigureAwait(false);
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (output, record) in rows) records[output.TransformationId] = record;
        return (rows.ConvertAll(r => r.Output), records);
    }

    public async ValueTask DisposeAsync()
    {
        if (_partner is not null) await _partner.DisposeAsync().ConfigureAwait(false);
    }

    private string InIds => connection is SqliteConnection ? "IN (SELECT value FROM json_each(@ids))" : "= ANY(@ids)";

    /// <summary>Every row of <paramref name="sql"/> for <paramref name="ids"/>, in the order one statement would give them.</summary>
    /// <remarks>
    /// SQLite does the whole walk on the calling thread: a 10,000-batch upstream read spent about 60 % of its server
    /// time in these statements and their rows. A large set is therefore sorted and split: the lower half is read here,
    /// the upper half at the same time on the thread pool over a second connection (opened once per walk, on the first
    /// large level). SQLite answers <c>IN (json_each)</c> in index order of the ids, so the lower half's rows followed by the
    /// upper half's are the rows one statement returns. PostgreSQL runs its statements in its own processes: one statement.
    /// </remarks>
    private async Task<List<T>> ReadAsync<T>(string sql, IReadOnlyCollection<string> ids, Func<LevelRows, T> read, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        if (connection is not SqliteConnection sqlite) return await ReadOneAsync(connection, sql, ids, read, ct).ConfigureAwait(false);
        if (ids.Count < SplitAt) return ReadSqlite(sqlite, _strings, sql, ids, read, ct);
        var sorted = ids.Distinct(StringComparer.Ordinal).ToArray(); // (IN ignores repeats; split, a repeat could land in both halves)
        Array.Sort(sorted, CodePointOrder.Instance); // SQLite's BINARY order
        var half = sorted.Length / 2;
        var partner = await PartnerAsync(ct).ConfigureAwait(false);
        var upper = Task.Run(() => ReadSqlite(partner, _partnerStrings, sql, sorted[half..], read, ct), ct);
        List<T> lower;
        try
        {
            lower = ReadSqlite(sqlite, _strings, sql, sorted[..half], read, ct);
        }
        catch
        {
            try { await upper.ConfigureAwait(false); } catch { /* the first failure is the one reported */ }
            throw; // (only once the partner connection is no longer in use, so disposing it is safe)
        }
        lower.AddRange(await upper.ConfigureAwait(false));
        return lower;
    }

    private async Task<SqliteConnection> PartnerAsync(CancellationToken ct)
    {
        if (_partner is null)
        {
            _partner = openPartner();
            await _partner.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        }
        return (SqliteConnection)_partner.Database.GetDbConnection();
    }

    private static List<T> ReadSqlite<T>(SqliteConnection sqlite, Dictionary<string, string> strings, string sql, IReadOnlyCollection<string> ids,
        Func<LevelRows, T> read, CancellationToken ct)
    {
        // SqliteLevelRows completes synchronously: this never blocks on I/O other than SQLite's own page reads.
        using var rows = new SqliteLevelRows(sqlite, sql, JsonSerializer.Serialize(ids), strings);
        var list = new List<T>(ids.Count);
        while (rows.Read(ct)) list.Add(read(rows));
        return list;
    }

    private static async Task<List<T>> ReadOneAsync<T>(DbConnection connection, string sql, IReadOnlyCollection<string> ids,
        Func<LevelRows, T> read, CancellationToken ct)
    {
        await using var command = connection.CreateCommand(); // the ids as one text[]
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@ids";
        parameter.Value = ids.ToArray();
        command.Parameters.Add(parameter);
        await using var rows = new LevelRows.Ado(await command.ExecuteReaderAsync(ct).ConfigureAwait(false));
        var list = new List<T>(ids.Count);
        while (await rows.ReadAsync(ct).ConfigureAwait(false)) list.Add(read(rows));
        return list;
    }
}
