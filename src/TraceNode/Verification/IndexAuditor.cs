using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Domain;
using Trace.Node.Anchoring;
using Trace.Node.Blobs;
using Trace.Node.Chain;
using Trace.Node.Evidence;
using Trace.Node.Indexing;
using Trace.Node.Rebuild;
using Trace.Node.Storage;

namespace Trace.Node.Verification;

/// <summary>
/// Checks the index against its sources of truth and reports where it disagrees: every record row against its envelope
/// in the blob store's journal, its claim digest and signature, its content blob, its batch's manifest and the chain;
/// every batch row against its manifest and the registry's BatchAnchored event; every lineage row against its record's
/// content; every journalled record has a row and every blob is named by something (docs/rebuild.md).
/// </summary>
/// <remarks>
/// The chain is read once (<see cref="RegistryHistory"/>: the registry's events in adaptive log pages), so the RPC cost
/// is per audit, not per record; blobs are read in two scans of the blob store. One finding per record (all its failed
/// checks listed), per batch or per blob. A state the pipeline has not caught up with yet (a root anchored on chain that
/// the index still has in flight, a withdrawal deeper than the follower's checkpoint has reached) is not a finding.
/// Issuer standing on chain is not judged here (Verify does): it is the chain's verdict, not an index fault.
/// </remarks>
public sealed class IndexAuditor(
    TraceStore store,
    IBlobStore blobs,
    TraceContracts contracts,
    ChainConnection chain,
    IOptions<ChainOptions> chainOptions,
    TimeProvider clock,
    LineageRowAudit? lineageAudit = null)
{
    private const int PageSize = 2000;

    /// <summary>Audits the index; yields one finding per inconsistency and fills <paramref name="summary"/>.</summary>
    public async IAsyncEnumerable<AuditFinding> AuditAsync(AuditSummary summary, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var started = clock.GetTimestamp();
        await contracts.Ready.WaitAsync(ct).ConfigureAwait(false);
        var history = await RegistryHistory.ReadAsync(contracts, chain, ct).ConfigureAwait(false);
        summary.RpcCalls = history.RpcCalls;
        var checkpoint = await store.GetCheckpointAsync(RegistryEventFollower.CheckpointName, ct).ConfigureAwait(false);
        var journal = JournalSnapshot.Read(blobs);
        var intact = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (hash, ok) in blobs.CheckAll()) intact[Hex.Encode(hash)] = ok;
        summary.Blobs = intact.Count;
        var separator = EvidenceClaimHasher.Domain(new BigInteger(contracts.Deployment.ChainId), contracts.Deployment.EvidenceRegistry).Separator();
        var confirmations = chainOptions.Value.Confirmations;

        // Batches: against their manifests and the chain, once each.
        var batches = new Dictionary<long, AuditedBatch>();
        foreach (var batch in await store.ListAllBatchesAsync(ct).ConfigureAwait(false))
        {
            var audited = AuditBatch(batch, journal, history, confirmations);
            batches[batch.Id] = audited;
            summary.Batches++;
            if (audited.Finding is { } finding) yield return summary.Report(finding);
        }

        // Records: against envelopes, content, manifests and the chain.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var contentFailed = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var page = await store.ListRecordsAsync(new RecordQuery { PageSize = PageSize, Cursor = cursor }, ct).ConfigureAwait(false);
            var results = new AuditFinding?[page.Items.Count];
            var verdicts = new VerificationStatus[page.Items.Count];
            Parallel.For(0, page.Items.Count, new ParallelOptions { CancellationToken = ct }, i =>
                (results[i], verdicts[i]) = AuditRecord(page.Items[i], journal, intact, batches, history, checkpoint, separator));
            for (var i = 0; i < results.Length; i++)
            {
                seen.Add(page.Items[i].Id);
                summary.Count(verdicts[i]);
                if (results[i] is not { } finding) continue;
                if (finding.Kind is AuditFindingKind.ContentTampered or AuditFindingKind.BlobMissing) contentFailed.Add(finding.RecordId);
                yield return summary.Report(finding);
            }
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        // Journalled records the index lost.
        foreach (var envelope in journal.Envelopes)
        {
            if (seen.Contains(envelope.Claim.RecordId)) continue;
            summary.Count(VerificationStatus.NotFound);
            contentFailed.Add(envelope.Claim.RecordId);
            yield return summary.Report(new AuditFinding(envelope.Claim.RecordId, RecordStatus.Pending, VerificationStatus.NotFound, AuditFindingKind.RowMissing,
                "the blob store holds the record's signed envelope but the index has no row for it", [$"envelope: {envelope.EnvelopeHash}"]));
        }

        // Blobs nothing names.
        var named = new HashSet<string>(journal.JournalledBlobs, StringComparer.Ordinal);
        foreach (var envelope in journal.Envelopes) named.Add(Hex.Encode(envelope.Claim.ContentHash));
        foreach (var (hash, _) in intact)
        {
            if (named.Contains(hash)) continue;
            yield return summary.Report(new AuditFinding("", null, VerificationStatus.NotFound, AuditFindingKind.BlobUnreferenced,
                "a blob that no accepted record, envelope or manifest names", []) { BlobHash = hash });
        }

        // Lineage rows: against the content of the records they come from.
        if (lineageAudit is not null)
        {
            await foreach (var finding in lineageAudit.AuditAsync(journal, contentFailed, summary, ct).ConfigureAwait(false))
                yield return summary.Report(finding);
        }
        summary.Elapsed = clock.GetElapsedTime(started);
    }

    private static AuditedBatch AuditBatch(AnchorBatch batch, JournalSnapshot journal, RegistryHistory history, int confirmations)
    {
        var failed = new List<string>();
        BatchTree? tree = null;
        if (!journal.Manifests.TryGetValue(batch.Id, out var manifest))
            return new AuditedBatch(batch, null, null, new AuditFinding("", null, VerificationStatus.UnknownRoot, AuditFindingKind.RowUnbacked,
                "a batch row with no manifest in the blob store", [$"batch: {batch.Id} root {Hex.Encode(batch.Root)}"]) { BatchId = batch.Id });
        tree = MerkleBatchTree.Build(manifest.Leaves.Select(leaf => Hex.Decode(leaf)).ToList());
        if (!manifest.Root.AsSpan().SequenceEqual(batch.Root)) failed.Add($"root: index {Hex.Encode(batch.Root)} vs manifest {Hex.Encode(manifest.Root)}");
        if (manifest.Leaves.Count != batch.LeafCount) failed.Add($"leaf_count: index {batch.LeafCount} vs manifest {manifest.Leaves.Count}");
        if (failed.Count > 0)
            return new AuditedBatch(batch, manifest, tree, new AuditFinding("", null, VerificationStatus.Tampered, AuditFindingKind.RowAltered,
                "the batch row differs from its manifest", failed) { BatchId = batch.Id });

        history.Roots.TryGetValue(Hex.Encode(batch.Root), out var anchored);
        if (batch.State is AnchorBatchState.Mined or AnchorBatchState.Confirmed)
        {
            if (anchored is null) failed.Add("root_on_chain: the registry has no BatchAnchored event for the root");
            else
            {
                if (batch.BlockNumber != (long)anchored.BlockNumber || batch.BlockHash is null || !batch.BlockHash.AsSpan().SequenceEqual(anchored.BlockHash))
                    failed.Add($"block: index {batch.BlockNumber} vs chain {anchored.BlockNumber} ({Hex.Encode(anchored.BlockHash)})");
                if (batch.TxHash is null || !batch.TxHash.AsSpan().SequenceEqual(anchored.TxHash))
                    failed.Add($"transaction: index {(batch.TxHash is null ? "none" : Hex.Encode(batch.TxHash))} vs chain {Hex.Encode(anchored.TxHash)}");
                if (batch.State == AnchorBatchState.Confirmed && !history.IsDeep(anchored.BlockNumber, confirmations))
                    failed.Add($"confirmations: CONFIRMED in the index, block {anchored.BlockNumber} is not {confirmations} deep at head {history.Head}");
            }
        }
        return failed.Count == 0
            ? new AuditedBatch(batch, manifest, tree, null)
            : new AuditedBatch(batch, manifest, tree, new AuditFinding("", null, anchored is null ? VerificationStatus.UnknownRoot : VerificationStatus.Pending,
                AuditFindingKind.StateDiffers, "the batch's anchoring in the index differs from the chain", failed) { BatchId = batch.Id });
    }

    private static (AuditFinding?, VerificationStatus) AuditRecord(EvidenceRecord record, JournalSnapshot journal, Dictionary<string, bool> intact,
        Dictionary<long, AuditedBatch> batches, RegistryHistory history, ChainCheckpoint? checkpoint, byte[] separator)
    {
        if (!journal.ById.TryGetValue(record.Id, out var envelope))
            return (new AuditFinding(record.Id, record.Status, VerificationStatus.Tampered, AuditFindingKind.RowUnbacked,
                "a record row with no signed envelope in the blob store: not a claim this node accepted",
                ["envelope: the blob journal holds no envelope for this record id"]) { BatchId = record.Placement?.BatchId ?? 0 }, VerificationStatus.Tampered);
        var claim = envelope.Claim;

        // What was signed: the row against its envelope, and the claim's digest and signature.
        var altered = new List<string>();
        var verdict = VerificationStatus.Tampered;
        Differs(altered, "content_hash", record.ContentHash, claim.ContentHash);
        Differs(altered, "kind", (int)record.Kind, (int)claim.Kind);
        Differs(altered, "subject_hash", record.SubjectHash, claim.SubjectHash);
        Differs(altered, "subject", record.Subject, claim.Subject);
        Differs(altered, "issuer", record.Issuer, claim.Issuer);
        Differs(altered, "issued_at", record.IssuedAt.ToUnixTimeSeconds(), claim.IssuedAt.ToUnixTimeSeconds());
        Differs(altered, "nonce", record.Nonce, claim.Nonce);
        Differs(altered, "signature", record.Signature, claim.Signature);
        Differs(altered, "media_type", record.MediaType, claim.MediaType);
        Differs(altered, "file_name", record.FileName, claim.FileName);
        Differs(altered, "content_length", record.ContentLength, claim.ContentLength);
        Differs(altered, "metadata_json", record.MetadataJson, claim.MetadataJson);
        Differs(altered, "accepted_at", record.AcceptedAt.UtcTicks, claim.AcceptedAt?.UtcTicks ?? 0);
        Span<byte> digest = stackalloc byte[32];
        EvidenceClaimHasher.Digest(separator, record.ToClaimData(), digest);
        if (!Hex.Encode(digest).Equals(record.Id, StringComparison.Ordinal)) altered.Add($"claim_digest: the row's claim hashes to {Hex.Encode(digest)}, not its id");
        else if (!SignatureRecovers(digest.ToArray(), record.Signature, record.Issuer))
        {
            altered.Add("signature: does not recover the issuer");
            if (altered.Count == 1) verdict = VerificationStatus.BadSignature;
        }

        // Where the manifest puts it.
        var state = new List<string>();
        AuditedBatch? batch = null;
        if (record.Placement is { } placement)
        {
            if (!batches.TryGetValue(placement.BatchId, out batch)) state.Add($"batch: the row names batch {placement.BatchId}, which the index does not have");
            else if (batch.Manifest is { } manifest && batch.Tree is { } tree)
            {
                var index = placement.LeafIndex;
                if (index < 0 || index >= manifest.Leaves.Count || manifest.Leaves[index] != record.Id)
                {
                    altered.Add($"leaf_index: leaf {index} of batch {placement.BatchId}'s manifest is not this record");
                    if (altered.Count == 1) verdict = VerificationStatus.BadProof;
                }
                else if (!SameProof(placement.Proof, tree.Leaves[index].Proof))
                {
                    altered.Add($"merkle_proof: differs from the proof of leaf {index} in batch {placement.BatchId}'s manifest");
                    if (altered.Count == 1) verdict = VerificationStatus.BadProof;
                }
            }
        }

        if (altered.Count > 0)
            return (new AuditFinding(record.Id, record.Status, verdict, AuditFindingKind.RowAltered,
                "the row differs from what was signed and anchored", altered) { BatchId = record.Placement?.BatchId ?? 0 }, verdict);

        // Content.
        var contentHash = Hex.Encode(claim.ContentHash);
        if (!intact.TryGetValue(contentHash, out var contentIntact))
            return (new AuditFinding(record.Id, record.Status, VerificationStatus.Tampered, AuditFindingKind.BlobMissing,
                "the record's content is missing from the blob store", [$"content_hash: no blob {contentHash}"]) { BlobHash = contentHash }, VerificationStatus.Tampered);
        if (!contentIntact)
            return (new AuditFinding(record.Id, record.Status, VerificationStatus.Tampered, AuditFindingKind.ContentTampered,
                "the stored content does not hash to the signed content hash", [$"content_hash: blob {contentHash} fails its hash"]) { BlobHash = contentHash }, VerificationStatus.Tampered);

        // State: against the batch row (which was checked against the chain) and the registry's withdrawals.
        var expected = batch?.Row.State switch
        {
            AnchorBatchState.Mined => RecordStatus.Anchored,
            AnchorBatchState.Confirmed => RecordStatus.Confirmed,
            _ => RecordStatus.Pending,
        };
        if (record.Status != expected) state.Add($"status: {record.Status} in the index, but its batch is {batch?.Row.State.ToString() ?? "not closed"} ({expected})");
        history.Withdrawals.TryGetValue(record.Id, out var withdrawal);
        if (record.Revocation is { } revocation)
        {
            if (withdrawal is null) state.Add("revocation: the index records a withdrawal the registry does not have");
            else if (revocation.BlockNumber != (long)withdrawal.BlockNumber || !revocation.TxHash.AsSpan().SequenceEqual(withdrawal.TxHash)
                     || !string.Equals(revocation.SupersededBy, withdrawal.SupersededBy, StringComparison.OrdinalIgnoreCase))
                state.Add($"revocation: index block {revocation.BlockNumber} vs chain block {withdrawal.BlockNumber}{(withdrawal.SupersededBy is null ? "" : ", superseded by " + withdrawal.SupersededBy)}");
        }
        else if (withdrawal is not null && checkpoint is not null && (long)withdrawal.BlockNumber <= checkpoint.BlockNumber)
            state.Add($"revocation: withdrawn on chain in block {withdrawal.BlockNumber}, not in the index");
        if (state.Count == 0 && batch?.Finding is { Kind: AuditFindingKind.StateDiffers })
            return (null, VerificationStatus.Pending); // the batch's own finding covers its records
        var settled = withdrawal is not null
            ? withdrawal.SupersededBy is null ? VerificationStatus.Revoked : VerificationStatus.Superseded
            : expected == RecordStatus.Pending ? VerificationStatus.Pending : VerificationStatus.Verified;
        return state.Count == 0
            ? (null, settled)
            : (new AuditFinding(record.Id, record.Status, settled, AuditFindingKind.StateDiffers, "the row's state differs from the chain", state)
                { BatchId = record.Placement?.BatchId ?? 0 }, settled);
    }

    private static bool SignatureRecovers(byte[] digest, byte[] signature, string issuer)
    {
        try
        {
            return Secp256k1.RecoverAddress(digest, EcdsaSignature.FromBytes65(signature)) == EthereumAddress.Parse(issuer);
        }
        catch (Exception e) when (e is InvalidSignatureException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    private static bool SameProof(IReadOnlyList<byte[]> a, IReadOnlyList<byte[]> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
            if (!a[i].AsSpan().SequenceEqual(b[i])) return false;
        return true;
    }

    private static void Differs(List<string> failed, string name, byte[] index, byte[] signed)
    {
        if (!index.AsSpan().SequenceEqual(signed)) failed.Add($"{name}: index {Hex.Encode(index)} vs envelope {Hex.Encode(signed)}");
    }

    private static void Differs<T>(List<string> failed, string name, T index, T signed)
    {
        if (!EqualityComparer<T>.Default.Equals(index, signed)) failed.Add($"{name}: index '{index}' vs envelope '{signed}'");
    }

    private sealed record AuditedBatch(AnchorBatch Row, BatchManifest? Manifest, BatchTree? Tree, AuditFinding? Finding);
}

/// <summary>One inconsistency: a record (or a batch, or a blob) on which the index disagrees with the blob store or the chain.</summary>
public sealed record AuditFinding(string RecordId, RecordStatus? IndexedStatus, VerificationStatus Verdict, AuditFindingKind Kind, string Problem, IReadOnlyList<string> FailedChecks)
{
    /// <summary>The batch concerned, 0 when none.</summary>
    public long BatchId { get; init; }

    /// <summary>The blob concerned (0x-hex SHA-256), for blob findings.</summary>
    public string? BlobHash { get; init; }
}

/// <summary>Totals of an audit: records, batches, blobs and lineage rows checked, findings by kind, verdicts, RPC calls and time.</summary>
public sealed class AuditSummary
{
    private readonly Dictionary<VerificationStatus, long> _byVerdict = [];
    private readonly ConcurrentDictionary<AuditFindingKind, long> _byKind = [];

    public long Records { get; private set; }

    public long Findings { get; private set; }

    public long Batches { get; internal set; }

    public long Blobs { get; internal set; }

    public long LineageRows { get; internal set; }

    public int RpcCalls { get; internal set; }

    public TimeSpan Elapsed { get; internal set; }

    public IReadOnlyDictionary<VerificationStatus, long> ByVerdict => _byVerdict;

    public IReadOnlyDictionary<AuditFindingKind, long> ByKind => _byKind;

    internal void Count(VerificationStatus verdict)
    {
        Records++;
        _byVerdict[verdict] = _byVerdict.GetValueOrDefault(verdict) + 1;
    }

    internal AuditFinding Report(AuditFinding finding)
    {
        Findings++;
        _byKind.AddOrUpdate(finding.Kind, 1, (_, n) => n + 1);
        return finding;
    }
}
