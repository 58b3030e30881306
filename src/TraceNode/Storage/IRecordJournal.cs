using Trace.Domain;

namespace Trace.Node.Storage;

/// <summary>
/// Writes what the index cannot be rebuilt without to a store outside it, before the index commits it: the envelopes
/// of accepted claims (in acceptance order) and the manifests of batches. docs/rebuild.md.
/// </summary>
public interface IRecordJournal
{
    /// <summary>
    /// Stores the envelopes of <paramref name="claims"/> (each with its <see cref="AcceptedClaim.AcceptedAt"/> set), in
    /// order, together with <paramref name="contents"/> (content bytes to store in the same commit; may be empty).
    /// Completes once durable.
    /// </summary>
    Task WriteEnvelopesAsync(IReadOnlyList<AcceptedClaim> claims, IReadOnlyList<ReadOnlyMemory<byte>> contents, CancellationToken cancellationToken);

    /// <summary>Stores the manifest of a batch whose tree is fixed: its id, root, closing time and leaves (record ids in leaf order).</summary>
    Task WriteManifestAsync(long batchId, byte[] root, DateTimeOffset createdAt, IReadOnlyList<string> leaves, CancellationToken cancellationToken);
}
