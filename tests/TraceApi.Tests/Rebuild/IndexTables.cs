using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Trace.Api.Tests.Rebuild;

/// <summary>
/// Every table of a SQLite index as sorted rows of text, minus the columns docs/rebuild.md lists as local to a node
/// (autoincrement positions, local observation times, send bookkeeping): what "equal row by row" compares.
/// </summary>
internal static class IndexTables
{
    /// <summary>Tables that are local progress logs, not index state (docs/rebuild.md, "Local by nature").</summary>
    public static readonly string[] LocalTables = ["RecordStatusChanges", "ChainCheckpoints", "LineageCursors", "__EFMigrationsHistory", "__EFMigrationsLock",
        // The registry event follower's own tables: it re-reads every registry event from the first block once the rebuilt
        // node starts (docs/rebuild.md), so they are not part of what RebuildIndex itself writes.
        "IndexedBlocks", "RegistryEvents", "RecordFlags", "RecordEndorsements", "FlagNotes"];

    /// <summary>Columns that are local to a node, by table.</summary>
    public static readonly Dictionary<string, string[]> LocalColumns = new()
    {
        ["AnchorBatches"] = ["TxNonce", "TxRaw", "SendAttempts", "SentAt", "ConfirmedAt"],
        ["EvidenceRecords"] = ["ConfirmedAt"],
        ["LineageBatches"] = ["ComputedAt", "VerifiedAt"],
        ["TransportFactorSets"] = ["FirstActivatedAt", "LastActivatedAt"],
    };

    public static SortedDictionary<string, List<string>> Read(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var result = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => !LocalTables.Contains(t)))
        {
            var skip = LocalColumns.GetValueOrDefault(table, []);
            var rows = new List<string>();
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var cells = new List<string>();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (skip.Contains(reader.GetName(i))) continue;
                    cells.Add(reader.GetName(i) + "=" + Text(reader.GetValue(i)));
                }
                rows.Add(string.Join(" | ", cells));
            }
            rows.Sort(StringComparer.Ordinal);
            result[table] = rows;
        }
        return result;
    }

    /// <summary>A consistent copy of a live SQLite index, WAL included.</summary>
    public static void CopyIndex(string from, string to)
    {
        using var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={from};Pooling=False");
        source.Open();
        using var command = source.CreateCommand();
        command.CommandText = $"VACUUM INTO '{to.Replace("'", "''", StringComparison.Ordinal)}'";
        command.ExecuteNonQuery();
    }

    /// <summary>Asserts that both indexes hold the same tables and the same rows, naming the first difference.</summary>
    public static void AssertEqual(string expectedPath, string actualPath)
    {
        var expected = Read(expectedPath);
        var actual = Read(actualPath);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (table, rows) in expected)
        {
            var other = actual[table];
            var missing = rows.Except(other).ToList();
            var extra = other.Except(rows).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0 && rows.Count == other.Count,
                $"table {table}: {rows.Count} rows vs {other.Count}; missing from the rebuild:\n{string.Join("\n", missing.Take(5))}\nonly in the rebuild:\n{string.Join("\n", extra.Take(5))}");
        }
    }

    private static string Text(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
