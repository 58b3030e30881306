using System.Data.Common;
using System.Globalization;

namespace Trace.Node.Lineage.Queries;

/// <summary>
/// The current row of one lineage-walk statement, column by column: text, optional text, decimal (stored as invariant
/// text), flag. Stepping and disposing belong to each kind: SQLite's rows are read synchronously, ADO.NET's asynchronously.
/// </summary>
internal abstract class LevelRows
{
    public abstract string Text(int ordinal);

    public abstract string? OptionalText(int ordinal);

    public abstract decimal Decimal(int ordinal);

    public abstract bool Flag(int ordinal);

    /// <summary>Rows through ADO.NET (PostgreSQL): each value as the provider hands it out.</summary>
    public sealed class Ado(DbDataReader reader) : LevelRows, IAsyncDisposable
    {
        public async ValueTask<bool> ReadAsync(CancellationToken ct) => await reader.ReadAsync(ct).ConfigureAwait(false);

        public override string Text(int ordinal) => reader.GetString(ordinal);

        public override string? OptionalText(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

        public override decimal Decimal(int ordinal) => decimal.Parse(reader.GetString(ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);

        public override bool Flag(int ordinal) => reader.GetBoolean(ordinal);

        public ValueTask DisposeAsync() => reader.DisposeAsync();
    }
}
