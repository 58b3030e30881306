using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Trace.Node.Lineage.Queries;

/// <summary>
/// One level of a lineage walk read in plain SQL over the context's open connection: a batch set's rows, a
/// transformation set's inputs and its outputs with the transformation's record id, each one statement whatever the
/// set's size (the ids go as one JSON array parameter in SQLite, one text[] in PostgreSQL).
/// </summary>
/// <remarks>
/// The walk of a 10,000-batch graph made about 160 EF queries with 500-parameter IN lists; building and binding those
/// cost several times the rows themselves. Decimals are stored as invariant text (see DecimalText) and parsed the same way.
/// </remarks>
internal sealed class LineageLevelReader(DbConnection connection, bool postgres)
{
    /// <summary>The rows of <paramref name="batchIds"/> that exist.</summary>
    public async Task<List<LineageQueries.NodeRow>> NodesAsync(IReadOnlyCollection<string> batchIds, CancellationToken ct)
    {
        var rows = new List<LineageQueries.NodeRow>(batchIds.Count);
        if (batchIds.Count == 0) return rows;
        await using var command = Command(
            "SELECT b.\"BatchId\", b.\"RecordId\", b.\"Producer\", b.\"ProductName\", b.\"Quantity\", b.\"Unit\", b.\"Footprint\", " +
            "b.\"DeclarationRecordId\" IS NOT NULL, b.\"Standing\", b.\"RestsOnWithdrawn\", b.\"TransportNotReportedJson\" IS NOT NULL, b.\"ProducedBy\" " +
            $"FROM \"LineageBatches\" b WHERE b.\"BatchId\" {InIds}", batchIds);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            rows.Add(new LineageQueries.NodeRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Decimal(reader, 4),
                reader.GetString(5), Decimal(reader, 6), reader.GetBoolean(7), reader.GetString(8), reader.GetBoolean(9), reader.GetBoolean(10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
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
        await using var command = Command(
            "SELECT i.\"TransformationId\", i.\"BatchId\", i.\"Amount\", i.\"Unit\", i.\"Converted\", i.\"ShipmentId\" " +
            $"FROM \"LineageInputs\" i WHERE i.\"{column}\" {InIds}", ids);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            rows.Add(new LineageQueries.InputRow(reader.GetString(0), reader.GetString(1), Decimal(reader, 2), reader.GetString(3), Decimal(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        return rows;
    }

    /// <summary>The outputs of <paramref name="transformations"/>, and each transformation's record id.</summary>
    public async Task<(List<LineageQueries.OutputRow> Outputs, Dictionary<string, string> Records)> OutputsOfAsync(
        IReadOnlyCollection<string> transformations, CancellationToken ct)
    {
        var rows = new List<LineageQueries.OutputRow>();
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        if (transformations.Count == 0) return (rows, records);
        await using var command = Command(
            "SELECT o.\"TransformationId\", o.\"BatchId\", o.\"Weight\", t.\"RecordId\" " +
            "FROM \"LineageOutputs\" o JOIN \"LineageTransformations\" t ON t.\"TransformationId\" = o.\"TransformationId\" " +
            $"WHERE o.\"TransformationId\" {InIds}", transformations);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var transformation = reader.GetString(0);
            rows.Add(new LineageQueries.OutputRow(transformation, reader.GetString(1), Decimal(reader, 2)));
            records[transformation] = reader.GetString(3);
        }
        return (rows, records);
    }

    private string InIds => postgres ? "= ANY(@ids)" : "IN (SELECT value FROM json_each(@ids))";

    private DbCommand Command(string sql, IReadOnlyCollection<string> ids)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@ids";
        parameter.Value = postgres ? ids.ToArray() : JsonSerializer.Serialize(ids);
        command.Parameters.Add(parameter);
        return command;
    }

    private static decimal Decimal(DbDataReader reader, int ordinal) =>
        decimal.Parse(reader.GetString(ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
}
