using Microsoft.EntityFrameworkCore;
using Trace.Crypto;
using Trace.Domain;

namespace Trace.Node.Tests.Storage;

/// <summary>Behaviour every storage provider must show; run by <see cref="SqliteStoreTests"/> and <see cref="PostgresStoreTests"/>.</summary>
public abstract partial class StoreContract : StoreTestBase
{
    [StoreFact]
    public async Task Migrating_again_is_a_no_op()
    {
        await Migrator.MigrateAsync(CancellationToken.None);
        Assert.Equal(0, (await Store.GetQueueInfoAsync(CancellationToken.None)).Count);
    }

    [StoreFact]
    public async Task Migrations_cover_the_whole_model()
    {
        await using var db = Contexts.CreateDbContext();
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run Storage/Migrations/add-migration.sh");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [StoreFact]
    public async Task Accepted_claim_becomes_a_pending_record_with_every_field_kept()
    {
        var claim = Claims.Random();
        var result = await Store.AddAcceptedClaimAsync(claim, CancellationToken.None);

        Assert.True(result.Created);
        var stored = await Store.GetRecordAsync(claim.RecordId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(claim.RecordId, stored.Id);
        Assert.Equal(claim.ContentHash, stored.ContentHash);
        Assert.Equal(claim.SubjectHash, stored.SubjectHash);
        Assert.Equal(claim.Subject, stored.Subject);
        Assert.Equal(claim.Issuer.ToString(), stored.Issuer);
        Assert.Equal(claim.IssuedAt, stored.IssuedAt);
        Assert.Equal(claim.Nonce, stored.Nonce);
        Assert.Equal(claim.Signature, stored.Signature);
        Assert.Equal(RecordKind.EnvironmentalImpactReport, stored.Kind);
        Assert.Equal(RecordStatus.Pending, stored.Status);
        Assert.Equal(Clock.GetUtcNow(), stored.AcceptedAt);
        Assert.Equal("""{"site":"Lyon"}""", stored.MetadataJson);
        Assert.Null(stored.Placement);
        Assert.Null(stored.Anchor);

        var feed = await Store.ReadStatusChangesAsync(0, 10, null, CancellationToken.None);
        var entry = Assert.Single(feed);
        Assert.Equal((claim.RecordId, RecordChange.Accepted, RecordStatus.Pending), (entry.RecordId, entry.Change, entry.Status));
    }

    [StoreFact]
    public async Task A_group_commit_creates_new_claims_once_and_returns_existing_ones_in_input_order()
    {
        var earlier = Claims.Random();
        await Store.AddAcceptedClaimAsync(earlier, CancellationToken.None);
        Clock.Advance(TimeSpan.FromSeconds(5));
        var a = Claims.Random();
        var b = Claims.Random(kind: RecordKind.TransportRecord);

        var results = await Store.AddAcceptedClaimsAsync([a, earlier with { MetadataJson = null }, b, a], CancellationToken.None);

        Assert.Equal([a.RecordId, earlier.RecordId, b.RecordId, a.RecordId], results.Select(r => r.Record.Id));
        Assert.Equal([true, false, true, false], results.Select(r => r.Created));
        Assert.Equal("""{"site":"Lyon"}""", results[1].Record.MetadataJson); // the stored record, not the resubmission
        var stored = await Store.GetRecordAsync(b.RecordId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal((RecordKind.TransportRecord, RecordStatus.Pending, Clock.GetUtcNow()), (stored.Kind, stored.Status, stored.AcceptedAt));
        Assert.Equal(b.Signature, stored.Signature);
        var feed = await Store.ReadStatusChangesAsync(0, 10, null, CancellationToken.None);
        Assert.Equal([earlier.RecordId, a.RecordId, b.RecordId], feed.Select(f => f.RecordId));
        Assert.Equal(3, (await Store.GetQueueInfoAsync(CancellationToken.None)).Count);
    }

    [StoreFact]
    public async Task Resubmitting_the_same_claim_returns_the_existing_record()
    {
        var claim = Claims.Random();
        var first = await Store.AddAcceptedClaimAsync(claim, CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Store.AddAcceptedClaimAsync(claim with { Signature = new byte[65] }, CancellationToken.None);

        Assert.False(second.Created);
        Assert.Equal(first.Record.AcceptedAt, second.Record.AcceptedAt);
        Assert.Equal(claim.Signature, second.Record.Signature);
        Assert.Equal(1, (await Store.GetQueueInfoAsync(CancellationToken.None)).Count);
    }

    [StoreFact]
    public async Task Concurrent_submits_of_one_claim_create_exactly_one_record()
    {
        var claim = Claims.Random();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.AddAcceptedClaimAsync(claim, CancellationToken.None))));

        Assert.Single(results, r => r.Created);
        Assert.All(results, r => Assert.Equal(claim.RecordId, r.Record.Id));
        Assert.Single(await Store.ReadStatusChangesAsync(0, 100, null, CancellationToken.None));
    }

    [StoreFact]
    public async Task Same_content_from_two_issuers_makes_two_records()
    {
        var content = Sha256Hash.Hash("the same PDF"u8);
        await Store.AddAcceptedClaimAsync(Claims.Random(contentHash: content), CancellationToken.None);
        await Store.AddAcceptedClaimAsync(Claims.Random(contentHash: content), CancellationToken.None);
        await Store.AddAcceptedClaimAsync(Claims.Random(), CancellationToken.None);

        var found = await Store.FindByContentHashAsync(content, 10, CancellationToken.None);
        Assert.Equal(2, found.Count);
        Assert.NotEqual(found[0].Issuer, found[1].Issuer);
    }

    [StoreFact]
    public async Task Claim_with_a_short_digest_is_refused()
    {
        var claim = Claims.Random() with { Digest = new byte[31] };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.AddAcceptedClaimAsync(claim, CancellationToken.None));
        Assert.Contains("Digest must be 32 bytes", error.Message);
    }

    [StoreFact]
    public async Task Revocation_is_recorded_once_with_a_feed_entry()
    {
        var claim = Claims.Random();
        var successor = Claims.Random();
        await Store.AddAcceptedClaimAsync(claim, CancellationToken.None);
        var revocation = new RecordRevocation(Clock.GetUtcNow(), 42, new byte[32], successor.RecordId.ToUpperInvariant().Replace("0X", "0x"));

        Assert.True(await Store.ApplyRevocationAsync(claim.RecordId, revocation, CancellationToken.None));
        Assert.True(await Store.ApplyRevocationAsync(claim.RecordId, revocation, CancellationToken.None));
        Assert.False(await Store.ApplyRevocationAsync(successor.RecordId, revocation, CancellationToken.None));

        var stored = await Store.GetRecordAsync(claim.RecordId, CancellationToken.None);
        Assert.Equal(successor.RecordId, stored!.Revocation!.SupersededBy);
        Assert.Equal(42, stored.Revocation.BlockNumber);
        var feed = await Store.ReadStatusChangesAsync(0, 100, claim.RecordId, CancellationToken.None);
        Assert.Equal([RecordChange.Accepted, RecordChange.Superseded], feed.Select(c => c.Change));
    }

    [StoreFact]
    public async Task Checkpoint_is_inserted_then_updated()
    {
        Assert.Null(await Store.GetCheckpointAsync("registry", CancellationToken.None));
        await Store.SaveCheckpointAsync("registry", 10, Keccak256.HashUtf8("b10"), CancellationToken.None);
        await Store.SaveCheckpointAsync("registry", 12, Keccak256.HashUtf8("b12"), CancellationToken.None);

        var checkpoint = await Store.GetCheckpointAsync("registry", CancellationToken.None);
        Assert.Equal(12, checkpoint!.BlockNumber);
        Assert.Equal(Keccak256.HashUtf8("b12"), checkpoint.BlockHash);
    }
}
