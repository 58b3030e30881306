using System.Security.Cryptography;
using Trace.Client.Verification;
using Trace.Crypto;
using Trace.Crypto.Merkle;
using Trace.Domain;
using Trace.Node.Blobs;
using Trace.Node.Chain;
using Trace.Node.Evidence;
using Trace.Node.Storage;

namespace Trace.Node.Verification;

/// <summary>
/// Verifies records the way docs/proof-bundle.md tells an outsider to: recompute every hash from the
/// bundle, then ask the chain (root, anchoring transaction and block, and the registry's own verify view
/// for issuer standing at anchoring time and revocation). The index is only used to find the bundle.
/// </summary>
public sealed class RecordVerifier(TraceContracts contracts, ChainConnection chain, TraceStore store, IBlobStore blobs, TimeProvider clock)
{
    /// <summary>The proof bundle of an anchored record.</summary>
    /// <exception cref="RecordNotFoundException">no such record.</exception>
    /// <exception cref="RecordStateException">the record is still PENDING.</exception>
    public async Task<ProofBundle> BuildBundleAsync(string recordId, CancellationToken ct)
    {
        var record = await store.GetRecordAsync(recordId, ct).ConfigureAwait(false) ?? throw new RecordNotFoundException(recordId);
        return BuildBundle(record);
    }

    private ProofBundle BuildBundle(EvidenceRecord record)
    {
        if (record.Status == RecordStatus.Pending || record.Placement is not { } placement || record.Anchor is not { } anchor)
            throw new RecordStateException($"record {record.Id} is PENDING: its batch is not anchored yet, so there is no proof bundle");
        var deployment = contracts.Deployment;
        return new ProofBundle(
            record.Id, record.ToClaimData(), record.Subject, record.Signature,
            deployment.ChainId, deployment.EvidenceRegistry,
            placement.LeafIndex, MerkleTree.LeafHashOfDigest(Hex.Decode(record.Id)), placement.Proof, placement.Root,
            deployment.ChainId, deployment.EvidenceRegistry, anchor.TxHash, (ulong)anchor.BlockNumber, anchor.BlockHash,
            record.MediaType, record.FileName, record.ContentLength, record.Status, clock.GetUtcNow());
    }

    /// <summary>Verifies a record of the index; <paramref name="content"/> (optional) is checked instead of the stored blob.</summary>
    public async Task<VerificationOutcome> VerifyRecordAsync(string recordId, byte[]? content, CancellationToken ct)
    {
        var record = await store.GetRecordAsync(recordId, ct).ConfigureAwait(false);
        if (record is null) return VerificationOutcome.NotFound(recordId, $"no record {recordId} in this node's index");
        var contentHash = content is null ? await HashStoredContentAsync(record.ContentHash, ct).ConfigureAwait(false) : SHA256.HashData(content);
        return await VerifyIndexedAsync(record, contentHash, content is null ? "stored content" : "supplied content", ct).ConfigureAwait(false);
    }

    /// <summary>Verifies every record whose claim names <paramref name="contentHash"/>, or the one named record.</summary>
    public async Task<IReadOnlyList<VerificationOutcome>> VerifyContentAsync(byte[] contentHash, string? recordId, CancellationToken ct)
    {
        if (recordId is not null)
        {
            var record = await store.GetRecordAsync(recordId, ct).ConfigureAwait(false);
            if (record is null) return [VerificationOutcome.NotFound(recordId, $"no record {recordId} in this node's index")];
            return [await VerifyIndexedAsync(record, contentHash, "uploaded content", ct).ConfigureAwait(false)];
        }
        var records = await store.FindByContentHashAsync(contentHash, 100, ct).ConfigureAwait(false);
        if (records.Count == 0) return [VerificationOutcome.NotFound(null, $"no record names content {Hex.Encode(contentHash)}")];
        var outcomes = new List<VerificationOutcome>(records.Count);
        foreach (var record in records) outcomes.Add(await VerifyIndexedAsync(record, contentHash, "uploaded content", ct).ConfigureAwait(false));
        return outcomes;
    }

    private async Task<VerificationOutcome> VerifyIndexedAsync(EvidenceRecord record, byte[]? contentHash, string contentSource, CancellationToken ct)
    {
        if (contentHash is null)
            return new VerificationOutcome(VerificationStatus.Tampered, record.Id,
                [new VerificationCheck("content_hash", false, $"the {contentSource} is missing from the blob store")], record.Status, 0, null);
        if (record.Status == RecordStatus.Pending)
        {
            var checks = new List<VerificationCheck>();
            if (!BundleVerifier.CheckContent(checks, record.ContentHash, contentHash, contentSource))
                return new VerificationOutcome(VerificationStatus.Tampered, record.Id, checks, record.Status, 0, null);
            checks.Add(new VerificationCheck("root_on_chain", false, "accepted and queued; its batch is not anchored yet"));
            return new VerificationOutcome(VerificationStatus.Pending, record.Id, checks, record.Status, 0, null);
        }
        var bundle = BuildBundle(record);
        var outcome = await VerifyBundleAsync(bundle, contentHash, contentSource, ct).ConfigureAwait(false);
        return outcome with { RecordStatus = record.Status };
    }

    /// <summary>
    /// Verifies a proof bundle against the chain alone (see <see cref="BundleVerifier"/>); <paramref name="contentHash"/>
    /// (optional) is the SHA-256 of content to check. Open flags read from the chain get the note and link a regulator
    /// gave this node with the flag, when it was relayed here.
    /// </summary>
    public async Task<VerificationOutcome> VerifyBundleAsync(ProofBundle bundle, byte[]? contentHash, string contentSource, CancellationToken ct)
    {
        var outcome = await new BundleVerifier(chain.Eth).VerifyAsync(bundle, contentHash, contentSource, ct).ConfigureAwait(false);
        if (outcome.OpenFlags.Count == 0) return outcome;
        var (indexed, _) = await store.GetMarksAsync([bundle.RecordId], ct).ConfigureAwait(false);
        var notes = indexed[bundle.RecordId].Where(f => f.Note is not null || f.Uri is not null).ToDictionary(f => Hex.Encode(f.TxHash), StringComparer.Ordinal);
        return notes.Count == 0 ? outcome : outcome with
        {
            Flags = outcome.OpenFlags.Select(f => notes.TryGetValue(Hex.Encode(f.TxHash), out var n) ? f with { Note = n.Note, Uri = n.Uri } : f).ToList(),
        };
    }

    private async Task<byte[]?> HashStoredContentAsync(byte[] contentHash, CancellationToken ct)
    {
        if (!blobs.Exists(contentHash)) return null;
        await using var stream = blobs.OpenRead(contentHash);
        return await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false);
    }
}
