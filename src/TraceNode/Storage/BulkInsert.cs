using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Trace.Node.Storage;

/// <summary>
/// Inserts many rows of one entity type through a single prepared INSERT built from the EF model (table, columns and
/// value converters), inside the context's current transaction.
/// </summary>
/// <remarks>
/// The hot paths (group commit of accepted claims, status feed rows of a 4,096-record batch) spent most of their time
/// in the change tracker, not in the database; this skips the tracker and nothing else. Store-generated columns
/// (the feed's sequence) are left to the database.
/// </remarks>
internal static class BulkInsert
{
    private static readonly ConcurrentDictionary<(Type Context, Type Entity, bool SkipExisting), Statement> Statements = new();

    /// <summary>Inserts <paramref name="rows"/>; requires an open transaction on <paramref name="db"/>.</summary>
    /// <param name="skipExisting">
    /// True: a row whose key (or another unique index) is taken is skipped instead of failing the transaction
    /// (<c>ON CONFLICT DO NOTHING</c>, the same in SQLite and PostgreSQL).
    /// </param>
    /// <returns>For each row, whether it was inserted.</returns>
    public static async Task<bool[]> InsertAsync<TEntity>(TraceDbContext db, IReadOnlyList<TEntity> rows, CancellationToken cancellationToken, bool skipExisting = false)
        where TEntity : class
    {
        var inserted = new bool[rows.Count];
        if (rows.Count == 0) return inserted;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("bulk inserts run inside a transaction");
        var statement = Statements.GetOrAdd((db.GetType(), typeof(TEntity), skipExisting), key => Statement.Build(db.Model, key.Entity, key.SkipExisting));
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement.Sql;
        var parameters = new DbParameter[statement.Columns.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = $"@p{i}";
            command.Parameters.Add(parameters[i]);
        }
        for (var r = 0; r < rows.Count; r++)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = statement.Columns[i].Read(rows[r]);
            if (r == 0) await command.PrepareAsync(cancellationToken).ConfigureAwait(false); // after the first values, so providers can infer types
            inserted[r] = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
        return inserted;
    }

    private sealed record Statement(string Sql, Column[] Columns)
    {
        public static Statement Build(IModel model, Type entity, bool skipExisting)
        {
            var type = model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model");
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var columns = type.GetProperties()
                .Where(p => !p.IsShadowProperty() && p.ValueGenerated != ValueGenerated.OnAdd)
                .Select(p => new Column(p.GetColumnName(table)!, p.GetGetter(), p.GetTypeMapping().Converter))
                .ToArray();
            var qualified = table.Schema is null ? Quote(table.Name) : $"{Quote(table.Schema)}.{Quote(table.Name)}";
            var sql = $"INSERT INTO {qualified} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) " +
                      $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})" +
                      (skipExisting ? " ON CONFLICT DO NOTHING" : "");
            return new Statement(sql, columns);
        }

        // Double quotes delimit identifiers in both SQLite and PostgreSQL.
        private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    private sealed record Column(string Name, IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter)
    {
        public object Read(object row)
        {
            var value = Getter.GetClrValueUsingContainingEntity(row);
            if (value is not null && Converter is not null) value = Converter.ConvertToProvider(value);
            return value ?? DBNull.Value;
        }
    }
}
