using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Trace.Crypto;
using Trace.Node.Blobs;
using Trace.Node.Rebuild;
using Trace.Node.Tests.Storage;

namespace Trace.Node.Tests.Rebuild;

/// <summary>The blob journal: envelopes and manifests found without the index, in the order they were written.</summary>
public sealed class BlobJournalTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"trace-journal-{Guid.NewGuid():N}");
    private readonly ContentKeyRing _keys = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void An_envelope_round_trips_every_field_of_the_accepted_claim()
    {
        var claim = Claims.Random() with { AcceptedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_764_750_000_123).AddTicks(4560) };
        var back = RecordEnvelope.Decode(RecordEnvelope.Encode(claim));
        Assert.Equal(claim.RecordId, back.RecordId);
        Assert.Equal((claim.ContentHash, claim.SubjectHash, claim.Nonce, claim.Signature), (back.ContentHash, back.SubjectHash, back.Nonce, back.Signature), new BytesTupleComparer());
        Assert.Equal((claim.Kind, claim.Subject, claim.Issuer, claim.IssuedAt, claim.MediaType, claim.FileName, claim.ContentLength, claim.MetadataJson, claim.AcceptedAt),
            (back.Kind, back.Subject, back.Issuer, back.IssuedAt, back.MediaType, back.FileName, back.ContentLength, back.MetadataJson, back.AcceptedAt));
        Assert.Throws<FormatException>(() => RecordEnvelope.Decode("{\"format\":\"other\"}"u8));
    }

    [Fact]
    public async Task The_journal_lists_envelopes_and_manifests_in_write_order_and_survives_a_reopen()
    {
        var first = Claims.Random() with { AcceptedAt = DateTimeOffset.UnixEpoch.AddDays(20_000) };
        var second = Claims.Random() with { AcceptedAt = DateTimeOffset.UnixEpoch.AddDays(20_001) };
        var content = "{\"salt\":\"00\"}"u8.ToArray();
        await using (var store = Open(smallLimit: 0))
        {
            var journal = new BlobRecordJournal(store);
            await journal.WriteEnvelopesAsync([first, second], [content], CancellationToken.None);
            await journal.WriteManifestAsync(7, new byte[32], first.AcceptedAt!.Value, [first.RecordId, second.RecordId], CancellationToken.None);
            Assert.True(store.Exists(SHA256.HashData(content))); // content committed with the envelopes, as a row even with small blobs off
        }
        await using var reopened = Open(smallLimit: 0);
        var snapshot = JournalSnapshot.Read(reopened);
        Assert.Equal([first.RecordId, second.RecordId], snapshot.Envelopes.Select(e => e.Claim.RecordId));
        Assert.Equal(first.AcceptedAt, snapshot.ById[first.RecordId].Claim.AcceptedAt);
        var manifest = Assert.Single(snapshot.Manifests).Value;
        Assert.Equal(7L, manifest.BatchId);
        Assert.Equal([first.RecordId, second.RecordId], manifest.Leaves);
        Assert.Equal(3, snapshot.JournalledBlobs.Count);
        Assert.Empty(snapshot.Unreadable);
        Assert.All(reopened.CheckAll(), blob => Assert.True(blob.Intact));
        Assert.Contains(Hex.Encode(SHA256.HashData(content)), reopened.CheckAll().Select(b => Hex.Encode(b.Sha256)));
    }

    private FileBlobStore Open(int smallLimit) =>
        new(Options.Create(new BlobStoreOptions { RootDirectory = _root, SmallBlobMaxBytes = smallLimit }), _keys, TimeProvider.System);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private sealed class BytesTupleComparer : IEqualityComparer<(byte[], byte[], byte[], byte[])>
    {
        public bool Equals((byte[], byte[], byte[], byte[]) a, (byte[], byte[], byte[], byte[]) b) =>
            a.Item1.SequenceEqual(b.Item1) && a.Item2.SequenceEqual(b.Item2) && a.Item3.SequenceEqual(b.Item3) && a.Item4.SequenceEqual(b.Item4);

        public int GetHashCode((byte[], byte[], byte[], byte[]) value) => value.Item1.Length;
    }
}
