using System.Text.Json;
using Microsoft.Data.Sqlite;
using Trace.Node.Lineage.Queries;

namespace Trace.Node.Tests.Lineage;

/// <summary>
/// The lineage walk splits a large id set in two by <see cref="LineageLevelReader.Utf8Order"/> and reads the halves at once;
/// the rows come back as one statement's only if that order is SQLite's own order for <c>IN (json_each)</c>.
/// </summary>
public sealed class LevelReaderOrderTests
{
    [Fact]
    public void The_split_order_is_the_order_SQLite_returns_ids_in_including_characters_beyond_the_basic_plane()
    {
        var random = new Random(20261204);
        string[] pieces = ["a", "Z", "0", ":", "é", "ß", "中", "\uFF21", "\uE000", "\uFFFD", "😀", "𝄞", "urn:epc:id:sgtin:"];
        var ids = Enumerable.Range(0, 2000)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => pieces[random.Next(pieces.Length)])))
            .Distinct(StringComparer.Ordinal).ToArray();
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE \"Batches\" (\"BatchId\" TEXT NOT NULL PRIMARY KEY); " +
                "INSERT INTO \"Batches\" SELECT value FROM json_each(@ids);";
            create.Parameters.AddWithValue("@ids", JsonSerializer.Serialize(ids));
            create.ExecuteNonQuery();
        }
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT \"BatchId\" FROM \"Batches\" WHERE \"BatchId\" IN (SELECT value FROM json_each(@ids))";
        select.Parameters.AddWithValue("@ids", JsonSerializer.Serialize(ids.Reverse()));
        var sqliteOrder = new List<string>();
        using (var reader = select.ExecuteReader())
            while (reader.Read()) sqliteOrder.Add(reader.GetString(0));

        var sorted = ids.ToArray();
        Array.Sort(sorted, LineageLevelReader.Utf8Order.Instance);

        Assert.Equal(sqliteOrder, sorted);
        Assert.NotEqual(sorted, ids.Order(StringComparer.Ordinal)); // the ids do include pairs UTF-16 order gets wrong
    }
}
