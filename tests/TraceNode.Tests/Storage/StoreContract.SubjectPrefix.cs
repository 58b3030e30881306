using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Trace.Node.Storage;

namespace Trace.Node.Tests.Storage;

public abstract partial class StoreContract
{
    private const string Product = "https://id.gs1.org/01/09506000134352";

    [StoreFact]
    public async Task Subject_prefix_finds_a_products_lots_and_nothing_else()
    {
        string[] lots = [$"{Product}/10/LOT1", $"{Product}/10/LOT2", $"{Product}/10/LOT2/21/SERIAL9"];
        string[] others = ["https://id.gs1.org/01/09506000134369/10/LOT1", "https://id.gs1.org/01/0950600013435", "https://ID.GS1.ORG/01/09506000134352/10/LOT3", "urn:x"];
        foreach (var subject in lots.Concat(others)) await Store.AddAcceptedClaimAsync(Claims.Random(subject: subject), CancellationToken.None);

        Assert.Equal(lots.Order(StringComparer.Ordinal), await Subjects(Product + "/"));
        Assert.Equal(lots.Order(StringComparer.Ordinal), await Subjects(Product));
        Assert.Equal([$"{Product}/10/LOT2", $"{Product}/10/LOT2/21/SERIAL9"], await Subjects($"{Product}/10/LOT2"));
        Assert.Empty(await Subjects($"{Product}/10/lot")); // case-sensitive
    }

    [StoreFact]
    public async Task Subject_prefix_treats_like_wildcards_and_escapes_as_literal_characters()
    {
        string[] subjects = ["urn:t:a%b", "urn:t:aXb", "urn:t:a_b", "urn:t:aYb", "urn:t:a\\b", "urn:t:a\\\\b", "urn:t:a[b"];
        foreach (var subject in subjects) await Store.AddAcceptedClaimAsync(Claims.Random(subject: subject), CancellationToken.None);

        Assert.Equal(["urn:t:a%b"], await Subjects("urn:t:a%"));
        Assert.Equal(["urn:t:a_b"], await Subjects("urn:t:a_"));
        Assert.Equal(["urn:t:a\\\\b", "urn:t:a\\b"], await Subjects("urn:t:a\\"));
        Assert.Equal(["urn:t:a[b"], await Subjects("urn:t:a["));
        Assert.Equal(subjects.Order(StringComparer.Ordinal), await Subjects("urn:t:"));
    }

    [StoreFact]
    public async Task Subject_prefix_orders_by_code_point_beyond_ascii()
    {
        string[] subjects = ["urn:é:1", "urn:é:2", "urn:ê:1", "urn:e:1", "urn:\U0001F600:1", "urn:\U0001F601:1"];
        foreach (var subject in subjects) await Store.AddAcceptedClaimAsync(Claims.Random(subject: subject), CancellationToken.None);

        Assert.Equal(["urn:é:1", "urn:é:2"], await Subjects("urn:é"));
        Assert.Equal(["urn:\U0001F600:1"], await Subjects("urn:\U0001F600"));
    }

    [StoreFact]
    public async Task Subject_prefix_pages_newest_first_like_every_listing()
    {
        for (var i = 0; i < 7; i++)
        {
            await Store.AddAcceptedClaimAsync(Claims.Random(subject: $"{Product}/10/L{i}"), CancellationToken.None);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var first = await Store.ListRecordsAsync(new RecordQuery { SubjectPrefix = Product, PageSize = 4 }, CancellationToken.None);
        var second = await Store.ListRecordsAsync(new RecordQuery { SubjectPrefix = Product, PageSize = 4, Cursor = first.NextCursor }, CancellationToken.None);

        Assert.Equal(["L6", "L5", "L4", "L3"], first.Items.Select(r => r.Subject[^2..]));
        Assert.Equal(["L2", "L1", "L0"], second.Items.Select(r => r.Subject[^2..]));
        Assert.Null(second.NextCursor);
    }

    [StoreFact]
    public async Task Subject_prefix_query_is_an_index_range_on_the_subject()
    {
        for (var i = 0; i < 50; i++) await Store.AddAcceptedClaimAsync(Claims.Random(subject: $"urn:bulk:{i}"), CancellationToken.None);
        await using var db = Contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        // The shape TraceStore.ListRecordsAsync sends for a prefix: a range on Subject, newest first, one page.
        const string query = """
            SELECT "Id" FROM "EvidenceRecords" WHERE "Subject" >= 'urn:bulk:1' AND "Subject" < 'urn:bulk:2'
            ORDER BY "AcceptedAt" DESC, "Id" DESC LIMIT 51
            """;
        string plan;
        if (db.Database.IsSqlite())
        {
            plan = await ReadAll(connection, "EXPLAIN QUERY PLAN " + query);
        }
        else
        {
            // A handful of rows would make a sequential scan the cheapest plan; what matters is that the index can serve
            // the range, which under a linguistic (non-"C") collation it could not for ordinal bounds.
            await Execute(connection, "SET enable_seqscan = off");
            plan = await ReadAll(connection, "EXPLAIN " + query);
        }
        Assert.Contains("IX_EvidenceRecords_Subject", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Prefix_upper_bound_increments_the_last_code_point()
    {
        Assert.Equal("urn:b", SubjectPrefixRange.UpperBound("urn:a"));
        Assert.Equal("a\uE000", SubjectPrefixRange.UpperBound("a\uD7FF"));
        Assert.Equal("\U0001F601", SubjectPrefixRange.UpperBound("\U0001F600"));
        Assert.Equal("b", SubjectPrefixRange.UpperBound("a\U0010FFFF"));
        Assert.Null(SubjectPrefixRange.UpperBound("\U0010FFFF"));
    }

    private async Task<List<string>> Subjects(string prefix) =>
        [.. (await Store.ListRecordsAsync(new RecordQuery { SubjectPrefix = prefix, PageSize = 100 }, CancellationToken.None)).Items
            .Select(r => r.Subject).Order(StringComparer.Ordinal)];

    private static async Task<string> ReadAll(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        return string.Join("\n", lines);
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
