using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Client.Canonical;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Blobs;
using Trace.Node.Limits;
using Trace.Node.Lineage;
using Trace.Node.Lineage.Records;
using Trace.Node.Storage;

namespace Trace.Node.Evidence;

/// <summary>
/// Accepts evidence: validates the signed claim, streams content into the blob store while hashing
/// it, and queues the claim for anchoring. Nothing is stored unless everything checks out.
/// </summary>
public sealed partial class EvidenceIntake(
    ClaimValidator validator,
    TraceStore store,
    ClaimCommitQueue commits,
    IBlobStore blobs,
    LineageRecordReader lineageReader,
    ILineageIntake lineageIntake,
    IOptions<EvidenceOptions> options,
    IOptions<BlobStoreOptions> blobOptions,
    SubmissionLimiter limiter,
    ILogger<EvidenceIntake> logger)
{
    /// <summary>Media type stored for structured records (RFC 8785 canonical JSON).</summary>
    public const string CanonicalJsonMediaType = "application/json";

    /// <summary>Checks a document header before any content is read, so a bad upload is refused early.</summary>
    public async Task<ValidatedClaim> ValidateHeaderAsync(DocumentHeader header, CancellationToken ct)
    {
        CheckMetadata(header.MetadataJson, "header.metadata_json");
        if (header.FileName is { } name && name.Length > options.Value.MaxFileNameLength)
            throw new InvalidFieldException("header.file_name", $"longer than {options.Value.MaxFileNameLength} characters");
        if (header.DeclaredLength > (ulong)blobOptions.Value.MaxBlobBytes)
            throw new InvalidFieldException("header.content_length", $"{header.DeclaredLength} bytes exceeds the upload limit of {blobOptions.Value.MaxBlobBytes} bytes");
        var claim = await validator.ValidateAsync(header.Claim, ct).ConfigureAwait(false);
        // Limits before any byte is read: the rate, and the quota against the declared length (checked again on the real one).
        var participant = await limiter.ParticipantOfAsync(claim.Claim.Issuer, ct).ConfigureAwait(false);
        limiter.TakeRecord(participant);
        await limiter.CheckQuotaAsync(participant, (long)Math.Min(header.DeclaredLength, long.MaxValue), ct).ConfigureAwait(false);
        return claim;
    }

    /// <summary>Stores a document whose header was validated; <paramref name="chunks"/> is the upload stream.</summary>
    public async Task<SubmissionResult> SubmitDocumentAsync(DocumentHeader header, ValidatedClaim claim, IAsyncEnumerable<ReadOnlyMemory<byte>> chunks, CancellationToken ct)
    {
        if (await store.GetRecordAsync(claim.RecordId, ct).ConfigureAwait(false) is { } existing)
            return new SubmissionResult(existing, Created: false); // same signed claim: idempotent

        await using var writer = blobs.BeginWrite();
        try
        {
            await foreach (var chunk in chunks.WithCancellation(ct).ConfigureAwait(false))
                await writer.WriteAsync(chunk, ct).ConfigureAwait(false);
        }
        catch (BlobTooLargeException)
        {
            throw new InvalidFieldException("chunk", $"the upload exceeds the limit of {blobOptions.Value.MaxBlobBytes} bytes");
        }
        if (writer.Length == 0) throw new InvalidFieldException("chunk", "the document is empty");
        if (header.DeclaredLength != 0 && (ulong)writer.Length != header.DeclaredLength)
            throw new InvalidFieldException("header.content_length", $"declared {header.DeclaredLength} bytes but {writer.Length} arrived");
        var participant = await limiter.ParticipantOfAsync(claim.Claim.Issuer, ct).ConfigureAwait(false);
        await limiter.ReserveAsync(participant, writer.Length, ct).ConfigureAwait(false);
        var created = false;
        try
        {
            try
            {
                await writer.CommitAsync(claim.Claim.ContentHash, ct).ConfigureAwait(false);
            }
            catch (BlobHashMismatchException)
            {
                throw new InvalidFieldException("signed_claim.claim.content_hash", "the uploaded bytes do not hash (SHA-256) to the signed content hash");
            }
            var result = await AcceptAsync(claim, header.MediaType, header.FileName, writer.Length, header.MetadataJson, ct).ConfigureAwait(false);
            created = result.Created;
            return result;
        }
        finally
        {
            if (!created) limiter.Release(participant, writer.Length);
        }
    }

    /// <summary>
    /// Stores a structured record: its RFC 8785 canonical form must carry a 32-byte salt and hash to the signed content hash.
    /// A record of a lineage kind (batch 16, transformation 17, shipment 18, footprint declaration 7) must also pass its
    /// published schema and single-record checks; then <see cref="ILineageIntake.AcceptAsync"/> checks it against the
    /// lineage and commits its claim together with its lineage rows (or refuses it, storing no record).
    /// </summary>
    /// <param name="turn">The record's place in its SubmitRecords stream (lineage records reach the lineage in stream order); null for a single record.</param>
    public async Task<SubmissionResult> SubmitRecordAsync(SubmittedClaim input, string recordJson, string? metadataJson, CancellationToken ct, SubmissionTurn? turn = null)
    {
        try
        {
            return await SubmitRecordInTurnAsync(input, recordJson, metadataJson, turn, ct).ConfigureAwait(false);
        }
        finally
        {
            turn?.Pass();
        }
    }

    private async Task<SubmissionResult> SubmitRecordInTurnAsync(SubmittedClaim input, string recordJson, string? metadataJson, SubmissionTurn? turn, CancellationToken ct)
    {
        CheckMetadata(metadataJson, "metadata_json");
        if (string.IsNullOrWhiteSpace(recordJson)) throw new InvalidFieldException("record_json", "the record is empty");
        if (Encoding.UTF8.GetByteCount(recordJson) > options.Value.MaxRecordJsonBytes)
            throw new InvalidFieldException("record_json", $"larger than {options.Value.MaxRecordJsonBytes} bytes");
        var canonical = Canonicalize(recordJson);
        var claim = await validator.ValidateAsync(input, ct).ConfigureAwait(false);
        var participant = await limiter.ParticipantOfAsync(claim.Claim.Issuer, ct).ConfigureAwait(false);
        limiter.TakeRecord(participant);
        await limiter.ReserveAsync(participant, canonical.Length, ct).ConfigureAwait(false);
        var created = false;
        try
        {
            var result = await StoreRecordAsync(claim, canonical, metadataJson, turn, ct).ConfigureAwait(false);
            created = result.Created;
            return result;
        }
        finally
        {
            if (!created) limiter.Release(participant, canonical.Length);
        }
    }

    private async Task<SubmissionResult> StoreRecordAsync(ValidatedClaim claim, byte[] canonical, string? metadataJson, SubmissionTurn? turn, CancellationToken ct)
    {
        var lineage = ReadLineage(claim, canonical);
        // Another kind passes its turn once committed (the finally above), so a lineage record later in the stream may cite it.
        if (lineage is not null) return await AcceptLineageAsync(lineage, claim, canonical, metadataJson, turn, ct).ConfigureAwait(false);
        // No look-up for an existing record first: resubmissions are rare, the blob is content-addressed and the
        // commit queue answers "already there" for a known claim, so the common path saves a query.
        try
        {
            await blobs.PutAsync(canonical, claim.Claim.ContentHash, ct).ConfigureAwait(false);
        }
        catch (BlobHashMismatchException)
        {
            throw new InvalidFieldException("signed_claim.claim.content_hash", "is not the SHA-256 of the record's RFC 8785 canonical JSON");
        }
        return await AcceptAsync(claim, CanonicalJsonMediaType, null, canonical.Length, metadataJson, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A lineage record: its claim row and lineage rows commit in one transaction through the lineage's single writer,
    /// which may still refuse it against the records already there; only then is the content stored.
    /// </summary>
    /// <remarks>
    /// Content after the commit, so a record refused by the cross-record checks leaves nothing behind (not even its
    /// blob). The hash is checked in memory first. Should the process die between the commit and the blob write, the
    /// record's content is missing until the issuer resubmits (the same signed claim is idempotent and stores the
    /// content then); the index audit reports it meanwhile.
    /// </remarks>
    private async Task<SubmissionResult> AcceptLineageAsync(LineageRecord lineage, ValidatedClaim claim, byte[] canonical, string? metadataJson, SubmissionTurn? turn, CancellationToken ct)
    {
        if (!System.Security.Cryptography.SHA256.HashData(canonical).AsSpan().SequenceEqual(claim.Claim.ContentHash))
            throw new InvalidFieldException("signed_claim.claim.content_hash", "is not the SHA-256 of the record's RFC 8785 canonical JSON");
        if (turn is not null) await turn.Previous.WaitAsync(ct).ConfigureAwait(false);
        // The lineage queue takes the record synchronously inside AcceptAsync, so the next record of the stream may go.
        var accepting = lineageIntake.AcceptAsync(lineage, ToAccepted(claim, CanonicalJsonMediaType, null, canonical.Length, metadataJson), ct, canonical);
        turn?.Pass();
        var accepted = await accepting.ConfigureAwait(false);
        // A resubmitted claim's content was stored with it; refilling it is harmless if the store lost it since.
        if (!accepted.Created) await blobs.PutAsync(canonical, claim.Claim.ContentHash, ct).ConfigureAwait(false);
        if (accepted.Created) LogAccepted(logger, accepted.Record.Id, accepted.Record.Issuer, accepted.Record.Kind);
        return new SubmissionResult(accepted.Record, accepted.Created) { Lineage = lineage };
    }

    private async Task<SubmissionResult> AcceptAsync(ValidatedClaim claim, string? mediaType, string? fileName, long length, string? metadataJson, CancellationToken ct)
    {
        var result = await commits.AddAsync(ToAccepted(claim, mediaType, fileName, length, metadataJson), ct).ConfigureAwait(false);
        if (result.Created) LogAccepted(logger, result.Record.Id, result.Record.Issuer, result.Record.Kind);
        return new SubmissionResult(result.Record, result.Created);
    }

    private static AcceptedClaim ToAccepted(ValidatedClaim claim, string? mediaType, string? fileName, long length, string? metadataJson) =>
            new AcceptedClaim
            {
                Digest = claim.Digest,
                ContentHash = claim.Claim.ContentHash,
                Kind = (RecordKind)claim.Claim.Kind,
                SubjectHash = claim.Claim.Subject,
                Subject = claim.SubjectId,
                Issuer = claim.Claim.Issuer.ToString(),
                IssuedAt = DateTimeOffset.FromUnixTimeSeconds((long)claim.Claim.IssuedAt),
                Nonce = claim.Claim.Nonce,
                Signature = claim.Signature,
                MediaType = string.IsNullOrWhiteSpace(mediaType) ? null : mediaType,
                FileName = string.IsNullOrWhiteSpace(fileName) ? null : fileName,
                ContentLength = length,
                MetadataJson = string.IsNullOrWhiteSpace(metadataJson) ? null : metadataJson,
            };

    // A lineage kind's record is read from the canonical bytes, the very bytes that are hashed and stored, after the
    // claim is checked (a forged or mis-addressed claim is refused as such before its content is judged).
    private LineageRecord? ReadLineage(ValidatedClaim claim, byte[] canonical)
    {
        var kind = (RecordKind)claim.Claim.Kind;
        if (!LineageRecordKinds.IsStructuredLineage(kind)) return null;
        using var document = JsonDocument.Parse(canonical);
        return lineageReader.Read(kind, document.RootElement, claim.SubjectId);
    }

    private static byte[] Canonicalize(string recordJson)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(recordJson);
        }
        catch (JsonException ex)
        {
            throw new InvalidFieldException("record_json", $"not valid JSON: {ex.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InvalidFieldException("record_json", "must be a JSON object");
            if (!root.TryGetProperty("salt", out var salt) || salt.ValueKind != JsonValueKind.String
                || salt.GetString() is not { } saltText || !IsSalt(saltText))
                throw new InvalidFieldException("record_json.salt", "must be a random 32-byte value as 64 hex digits (0x prefix optional)");
            try
            {
                return JsonCanonicalizer.Canonicalize(root);
            }
            catch (CanonicalJsonException ex)
            {
                throw new InvalidFieldException("record_json", $"cannot be canonicalised (RFC 8785): {ex.Message}");
            }
        }
    }

    private static bool IsSalt(string text)
    {
        var digits = Trace.Crypto.Hex.StripPrefix(text);
        return digits.Length == 64 && Trace.Crypto.Hex.TryDecode(digits, out _);
    }

    // The proto promises "a JSON object": arrays, numbers, strings and null are valid JSON but refused, so every reader
    // of metadata can index it by member name.
    private void CheckMetadata(string? metadataJson, string field)
    {
        if (string.IsNullOrEmpty(metadataJson)) return;
        if (Encoding.UTF8.GetByteCount(metadataJson) > options.Value.MaxMetadataBytes)
            throw new InvalidFieldException(field, $"larger than {options.Value.MaxMetadataBytes} bytes");
        JsonValueKind kind;
        try
        {
            using var document = JsonDocument.Parse(metadataJson);
            kind = document.RootElement.ValueKind;
        }
        catch (JsonException)
        {
            throw new InvalidFieldException(field, "not valid JSON");
        }
        if (kind != JsonValueKind.Object)
            throw new InvalidFieldException(field, $"must be a JSON object, not {kind.ToString().ToLowerInvariant()}");
    }

    [LoggerMessage(3000, LogLevel.Debug, "Accepted record {RecordId} from {Issuer} ({Kind})")]
    private static partial void LogAccepted(ILogger logger, string recordId, string issuer, RecordKind kind);
}
