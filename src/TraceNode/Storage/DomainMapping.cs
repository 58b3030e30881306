using Trace.Domain;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage;

/// <summary>Translates between the storage entities and the domain types the store takes and returns; no entity leaves Storage.</summary>
internal static class DomainMapping
{
    public static EvidenceRecordEntity ToEntity(this AcceptedClaim claim, DateTimeOffset acceptedAt) => new()
    {
        Id = claim.RecordId,
        ContentHash = claim.ContentHash,
        Kind = claim.Kind,
        SubjectHash = claim.SubjectHash,
        Subject = claim.Subject,
        Issuer = claim.Issuer,
        IssuedAt = StorageTime.Normalize(claim.IssuedAt),
        Nonce = claim.Nonce,
        Signature = claim.Signature,
        MediaType = claim.MediaType,
        FileName = claim.FileName,
        ContentLength = claim.ContentLength,
        MetadataJson = claim.MetadataJson,
        Status = RecordStatus.Pending,
        AcceptedAt = claim.AcceptedAt is { } at ? StorageTime.Normalize(at) : acceptedAt,
    };

    /// <summary>The read model of <paramref name="record"/>; its <see cref="EvidenceRecordEntity.Batch"/> must be loaded for the anchor.</summary>
    public static EvidenceRecord ToDomain(this EvidenceRecordEntity record) => new()
    {
        Id = record.Id,
        ContentHash = record.ContentHash,
        Kind = record.Kind,
        SubjectHash = record.SubjectHash,
        Subject = record.Subject,
        Issuer = record.Issuer,
        IssuedAt = record.IssuedAt,
        Nonce = record.Nonce,
        Signature = record.Signature,
        MediaType = record.MediaType,
        FileName = record.FileName,
        ContentLength = record.ContentLength,
        MetadataJson = record.MetadataJson,
        Status = record.Status,
        AcceptedAt = record.AcceptedAt,
        AnchoredAt = record.AnchoredAt,
        ConfirmedAt = record.ConfirmedAt,
        Placement = record.Batch is { } batch ? new RecordPlacement(batch.Id, batch.Root, record.LeafIndex ?? 0, record.GetProof()) : null,
        // Pending (in a batch not mined yet, or fallen back after a reorganisation) has no anchor even when the batch row has one.
        Anchor = record.Status != RecordStatus.Pending && record.Batch is { TxHash: { } txHash, BlockNumber: { } block, BlockHash: { } blockHash }
            ? new RecordAnchor(txHash, block, blockHash)
            : null,
        Revocation = record.RevokedAt is { } revokedAt
            ? new RecordRevocation(revokedAt, record.RevokedInBlock ?? 0, record.RevokedTxHash ?? [], record.SupersededBy)
            : null,
    };

    public static AnchorBatch ToDomain(this AnchorBatchEntity batch) => new()
    {
        Id = batch.Id,
        Root = batch.Root,
        LeafCount = batch.LeafCount,
        State = batch.State,
        TxNonce = batch.TxNonce,
        TxHash = batch.TxHash,
        TxRaw = batch.TxRaw,
        SendAttempts = batch.SendAttempts,
        BlockNumber = batch.BlockNumber,
        BlockHash = batch.BlockHash,
        CreatedAt = batch.CreatedAt,
        SentAt = batch.SentAt,
        MinedAt = batch.MinedAt,
        ConfirmedAt = batch.ConfirmedAt,
    };

    public static RecordStatusChange ToDomain(this RecordStatusChangeEntity change) =>
        new(change.Sequence, change.RecordId, change.Change, change.Status, change.BatchId, change.At);

    public static ChainCheckpoint ToDomain(this ChainCheckpointEntity checkpoint) =>
        new(checkpoint.Name, checkpoint.BlockNumber, checkpoint.BlockHash, checkpoint.UpdatedAt);
}
