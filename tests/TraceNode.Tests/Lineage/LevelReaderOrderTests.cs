using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Node.Lineage.Queries;
using Trace.Node.Tests.Storage;
using static Trace.Node.Tests.Lineage.Build;

namespace Trace.Node.Tests.Lineage;

/// <summary>
/// The lineage walk splits a large id set in two by <see cref="CodePointOrder"/> and reads the halves at once;
/// the rows come back as one statement's only if that order is SQLite's own order for <c>IN (json_each)</c>, and only if a
/// repeated id cannot land in both halves.
/// </summary>
public sealed class LevelReaderOrderTests : IAsyncLifetime
{
    private readonly LineageHarness _node = new();

    public Task InitializeAsync() => _node.InitializeAsync();

    public Task DisposeAsync() => _node.DisposeAsync();

    [Fact]
    public async Task A_large_id_set_read_in_halves_gives_each_row_once_in_id_order_even_when_ids_repeat()
    {
        var maker = Claims.RandomIssuer();
        var ids = Enumerable.Range(0, 300).Select(i => $"urn:halves:{i * 7 % 300:D3}").ToList();
        await _node.SubmitTogetherAsync([.. ids.Select(id => ((Trace.Domain.Lineage.LineageRecord)Batch(id, Tonnes(1)), maker))]);
        await using var db = _node.Store.OpenContext();
        await db.Database.OpenConnectionAsync();
        await using var reader = new LineageLevelReader(db.Database.GetDbConnection(), _node.Store.OpenContext);

        // 302 ids, one unknown (sorting first) and one twice, placed so the two copies fall on either side of the split.
        var sorted = ids.Order(StringComparer.Ordinal).ToList();
        var rows = await reader.NodesAsync([.. ids, sorted[149], "urn:halves:!unknown"], CancellationToken.None);

        Assert.True(ids.Count >= LineageLevelReader.SplitAt);
        Assert.Equal(sorted, rows.Select(r => r.BatchId));
    }

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
        Array.Sort(sorted, CodePointOrder.Instance);

        Assert.Equal(sqliteOrder, sorted);
        Assert.NotEqual(sorted, ids.Order(StringComparer.Ordinal)); // the ids do include pairs UTF-16 order gets wrong
    }
}
