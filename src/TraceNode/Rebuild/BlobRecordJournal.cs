using Trace.Domain;
using Trace.Node.Blobs;
using Trace.Node.Storage;

namespace Trace.Node.Rebuild;

/// <summary>The <see cref="IRecordJournal"/> of a node: envelopes and manifests as journalled blobs of its blob store.</summary>
public sealed class BlobRecordJournal(IBlobStore blobs) : IRecordJournal
{
    /// <inheritdoc />
    public async Task WriteEnvelopesAsync(IReadOnlyList<AcceptedClaim> claims, IReadOnlyList<ReadOnlyMemory<byte>> contents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(contents);
        if (claims.Count == 0 && contents.Count == 0) return;
        var entries = new JournalBlob[contents.Count + claims.Count];
        for (var i = 0; i < contents.Count; i++) entries[i] = new JournalBlob(contents[i], BlobJournalKind.None);
        for (var i = 0; i < claims.Count; i++) entries[contents.Count + i] = new JournalBlob(RecordEnvelope.Encode(claims[i]), BlobJournalKind.RecordEnvelope);
        await blobs.AppendJournalAsync(entries, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task WriteManifestAsync(long batchId, byte[] root, DateTimeOffset createdAt, IReadOnlyList<string> leaves, CancellationToken cancellationToken)
    {
        var manifest = new BatchManifest(batchId, root, createdAt, leaves).Encode();
        await blobs.AppendJournalAsync([new JournalBlob(manifest, BlobJournalKind.BatchManifest)], cancellationToken).ConfigureAwait(false);
    }
}
