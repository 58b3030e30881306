using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Storage;

namespace Trace.Node.Tests.Storage;

public abstract partial class StoreContract
{
    [StoreFact]
    public async Task Listing_pages_newest_first_through_equal_timestamps_without_gaps_or_repeats()
    {
        var ids = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            var claim = Claims.Random();
            ids.Add(claim.RecordId);
            await Store.AddAcceptedClaimAsync(claim, CancellationToken.None);
            if (i % 3 == 2) Clock.Advance(TimeSpan.FromTicks(12_345)); // three records share each timestamp
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Store.ListRecordsAsync(new RecordQuery { PageSize = 5, Cursor = cursor }, CancellationToken.None);
            seen.AddRange(page.Items.Select(r => r.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(5, pages);
        Assert.Equal(ids.Order().ToList(), seen.Order().ToList());
        var all = await Store.ListRecordsAsync(new RecordQuery { PageSize = 100 }, CancellationToken.None);
        Assert.Equal(seen, all.Items.Select(r => r.Id));
        Assert.True(all.Items.Zip(all.Items.Skip(1)).All(p => p.First.AcceptedAt > p.Second.AcceptedAt
            || (p.First.AcceptedAt == p.Second.AcceptedAt && string.CompareOrdinal(p.First.Id, p.Second.Id) > 0)));
    }

    [StoreFact]
    public async Task Listing_filters_by_subject_issuer_kind_status_and_time()
    {
        var issuer = Claims.RandomIssuer();
        var early = Clock.GetUtcNow();
        await Store.AddAcceptedClaimAsync(Claims.Random(issuer: issuer, subject: "urn:a"), CancellationToken.None);
        Clock.Advance(TimeSpan.FromHours(1));
        var middle = Clock.GetUtcNow();
        await Store.AddAcceptedClaimAsync(Claims.Random(subject: "urn:a", kind: RecordKind.TransportRecord), CancellationToken.None);
        Clock.Advance(TimeSpan.FromHours(1));
        await Store.AddAcceptedClaimAsync(Claims.Random(issuer: issuer, subject: "urn:b", kind: RecordKind.TransportRecord), CancellationToken.None);

        async Task<int> Count(RecordQuery query) => (await Store.ListRecordsAsync(query, CancellationToken.None)).Items.Count;
        Assert.Equal(2, await Count(new RecordQuery { SubjectHash = Keccak256.HashUtf8("urn:a") }));
        Assert.Equal(2, await Count(new RecordQuery { Issuer = issuer }));
        Assert.Equal(1, await Count(new RecordQuery { Issuer = issuer, Kind = RecordKind.TransportRecord }));
        Assert.Equal(3, await Count(new RecordQuery { Status = RecordStatus.Pending }));
        Assert.Equal(0, await Count(new RecordQuery { Status = RecordStatus.Confirmed }));
        Assert.Equal(2, await Count(new RecordQuery { AcceptedFrom = middle }));
        Assert.Equal(1, await Count(new RecordQuery { AcceptedFrom = early, AcceptedBefore = middle }));
    }

    [StoreFact]
    public async Task Listing_refuses_a_cursor_it_did_not_issue()
    {
        var error = await Assert.ThrowsAsync<InvalidCursorException>(
            () => Store.ListRecordsAsync(new RecordQuery { Cursor = "not-a-cursor" }, CancellationToken.None));
        Assert.Contains("not valid", error.Message);
    }
}
