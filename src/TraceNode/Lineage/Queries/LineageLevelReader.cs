using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Trace.Node.Lineage.Queries;

/// <summary>
/// One level of a lineage walk read in plain SQL over the context's open connection: a batch set's rows, a
/// transformation set's inputs and its outputs with the transformation's record id, each one statement whatever the
/// set's size (the ids go as one JSON array parameter in SQLite, one text[] in PostgreSQL).
/// </summary>
/// <remarks>
/// The walk of a 10,000-batch graph made about 160 EF queries with 500-parameter IN lists; building and binding those
/// cost several times the rows themselves. Decimals are stored as invariant text (see DecimalText) and parsed the same way.
/// On SQLite the rows come straight from the statement (<see cref="SqliteLevelRows"/>), sharing repeated strings.
/// </remarks>
internal sealed class LineageLevelReader(DbConnection connection)
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>The rows of <paramref name="batchIds"/> that exist.</summary>
    public async Task<List<LineageQueries.NodeRow>> NodesAsync(IReadOnlyCollection<string> batchIds, CancellationToken ct)
    {
        var rows = new List<LineageQueries.NodeRow>(batchIds.Count);
        if (batchIds.Count == 0) return rows;
        await using var row = await RowsAsync(
            "SELECT b.\"BatchId\", b.\"RecordId\", b.\"Producer\", b.\"ProductName\", b.\"Quantity\", b.\"Unit\", b.\"Footprint\", " +
            "b.\"DeclarationRecordId\" IS NOT NULL, b.\"Standing\", b.\"RestsOnWithdrawn\", b.\"TransportNotReportedJson\" IS NOT NULL, b.\"ProducedBy\" " +
            $"FROM \"LineageBatches\" b WHERE b.\"BatchId\" {InIds}", batchIds, ct).ConfigureAwait(false);
        while (await row.ReadAsync(ct).ConfigureAwait(false))
            rows.Add(new LineageQueries.NodeRow(row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Decimal(4), row.Text(5), row.Decimal(6),
                row.Flag(7), row.Text(8), row.Flag(9), row.Flag(10), row.OptionalText(11)));
        return rows;
    }

    /// <summary>The inputs of <paramref name="transformations"/>.</summary>
    public Task<List<LineageQueries.InputRow>> InputsOfAsync(IReadOnlyCollection<string> transformations, CancellationToken ct) =>
        InputsAsync("TransformationId", transformations, ct);

    /// <summary>The inputs consuming <paramref name="batchIds"/>.</summary>
    public Task<List<LineageQueries.InputRow>> InputsConsumingAsync(IReadOnlyCollection<string> batchIds, CancellationToken ct) =>
        InputsAsync("BatchId", batchIds, ct);

    private async Task<List<LineageQueries.InputRow>> InputsAsync(string column, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var rows = new List<LineageQueries.InputRow>();
        if (ids.Count == 0) return rows;
        await using var row = await RowsAsync(
            "SELECT i.\"TransformationId\", i.\"BatchId\", i.\"Amount\", i.\"Unit\", i.\"Converted\", i.\"ShipmentId\" " +
            $"FROM \"LineageInputs\" i WHERE i.\"{column}\" {InIds}", ids, ct).ConfigureAwait(false);
        while (await row.ReadAsync(ct).ConfigureAwait(false))
            rows.Add(new LineageQueries.InputRow(row.Text(0), row.Text(1), row.Decimal(2), row.Text(3), row.Decimal(4), row.OptionalText(5)));
        return rows;
    }

    /// <summary>The outputs of <paramref name="transformations"/>, and each transformation's record id.</summary>
    public async Task<(List<LineageQueries.OutputRow> Outputs, Dictionary<string, string> Records)> OutputsOfAsync(
        IReadOnlyCollection<string> transformations, CancellationToken ct)
    {
        var rows = new List<LineageQueries.OutputRow>();
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        if (transformations.Count == 0) return (rows, records);
        await using var row = await RowsAsync(
            "SELECT o.\"TransformationId\", o.\"BatchId\", o.\"Weight\", t.\"RecordId\" " +
            "FROM \"LineageOutputs\" o JOIN \"LineageTransformations\" t ON t.\"TransformationId\" = o.\"TransformationId\" " +
            $"WHERE o.\"TransformationId\" {InIds}", transformations, ct).ConfigureAwait(false);
        while (await row.ReadAsync(ct).ConfigureAwait(false))
        {
            var transformation = row.Text(0);
            rows.Add(new LineageQueries.OutputRow(transformation, row.Text(1), row.Decimal(2)));
            records[transformation] = row.Text(3);
        }
        return (rows, records);
    }

    private string InIds => connection is SqliteConnection ? "IN (SELECT value FROM json_each(@ids))" : "= ANY(@ids)";

    private async Task<LevelRows> RowsAsync(string sql, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (connection is SqliteConnection sqlite) return new SqliteLevelRows(sqlite, sql, JsonSerializer.Serialize(ids), _strings);
        var command = connection.CreateCommand(); // PostgreSQL: the ids as one text[]
        try
        {
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@ids";
            parameter.Value = ids.ToArray();
            command.Parameters.Add(parameter);
            return new LevelRows.Ado(command, await command.ExecuteReaderAsync(ct).ConfigureAwait(false));
        }
        catch
        {
            await command.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
