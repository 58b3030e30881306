using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Trace.Api.Access;
using Trace.Api.Grpc;
using Trace.Client.Verification;
using Trace.Crypto;
using Trace.Node.Blobs;
using Trace.Node.ContentAccess;
using Trace.Node.Evidence;
using Trace.Node.Storage;
using Trace.Node.Verification;
using Trace.Protos.V1;
using InvalidFieldException = Trace.Domain.InvalidFieldException;
using RecordIds = Trace.Domain.RecordIds;
using RecordNotFoundException = Trace.Domain.RecordNotFoundException;
using RecordStateException = Trace.Domain.RecordStateException;

namespace Trace.Api.Services;

/// <summary>trace.v1.EvidenceService: submit, read, prove, verify, revoke and watch evidence records.</summary>
public sealed class EvidenceGrpcService(
    EvidenceIntake intake,
    TraceStore store,
    IBlobStore blobs,
    RecordVerifier verifier,
    RevocationRelay relay,
    ContentAccessPolicy contentAccess,
    GrpcErrorMapper errors,
    AccessRules access,
    IOptions<EvidenceOptions> evidenceOptions,
    TimeProvider clock) : EvidenceService.EvidenceServiceBase
{
    private const int DownloadChunkBytes = 64 * 1024;

    // Shortest time between two feed reads of one watcher: changes in between arrive together in the next read.
    private static readonly TimeSpan WatchReadInterval = TimeSpan.FromMilliseconds(200);

    // Records of one SubmitRecords stream checked and committed at once; enough to fill a group commit.
    private const int StreamRecordsInFlight = 128;

    public override async Task<SubmitDocumentResponse> SubmitDocument(IAsyncStreamReader<SubmitDocumentRequest> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        if (!await requestStream.MoveNext(ct)) throw new InvalidFieldException("header", "the stream is empty: the first message must be the header");
        if (requestStream.Current.PartCase != SubmitDocumentRequest.PartOneofCase.Header)
            throw new InvalidFieldException("header", "the first message must be the header, not a chunk");
        var h = requestStream.Current.Header;
        await access.EnsureMayIssueAsync(context, h.SignedClaim?.Claim?.Issuer ?? "", "header.signed_claim.claim.issuer", ct);
        var header = new DocumentHeader(EvidenceProtoMapper.ToInput(h.SignedClaim, h.SubjectId), h.MediaType, h.FileName, h.ContentLength, h.MetadataJson);
        var claim = await intake.ValidateHeaderAsync(header, ct);
        var result = await intake.SubmitDocumentAsync(header, claim, ReadChunks(requestStream, ct), ct);
        return new SubmitDocumentResponse { Record = EvidenceProtoMapper.ToProto(result.Record), Created = result.Created };
    }

    public override Task<SubmitRecordResponse> SubmitRecord(SubmitRecordRequest request, ServerCallContext context) =>
        SubmitOneRecordAsync(request, context, context.CancellationToken);

    // The unary call and each record of a SubmitRecords stream.
    private async Task<SubmitRecordResponse> SubmitOneRecordAsync(SubmitRecordRequest request, ServerCallContext context, CancellationToken ct, SubmissionTurn? turn = null)
    {
        await access.EnsureMayIssueAsync(context, request.SignedClaim?.Claim?.Issuer ?? "", "signed_claim.claim.issuer", ct);
        var result = await intake.SubmitRecordAsync(EvidenceProtoMapper.ToInput(request.SignedClaim, request.SubjectId), request.RecordJson, request.MetadataJson, ct, turn);
        return new SubmitRecordResponse { Record = EvidenceProtoMapper.ToProto(result.Record), Created = result.Created };
    }

    public override async Task SubmitRecords(IAsyncStreamReader<SubmitRecordRequest> requestStream, IServerStreamWriter<SubmitRecordsResponse> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        // Answers are queued in request order and written in that order; the bound is the back-pressure on the reader.
        var answers = Channel.CreateBounded<Task<SubmitRecordsResponse>>(new BoundedChannelOptions(StreamRecordsInFlight) { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(async () =>
        {
            await foreach (var answer in answers.Reader.ReadAllAsync(ct)) await responseStream.WriteAsync(await answer, ct);
        }, ct);
        try
        {
            ulong index = 0;
            var order = new SubmissionOrder();
            while (await requestStream.MoveNext(ct))
            {
                var request = requestStream.Current;
                var position = index++;
                var turn = order.Next();
                // Task.Run: the signature check is CPU work; inline it would run one record at a time on the reader.
                // Lineage records still reach the lineage in stream order (the turn), so dependent records may share a stream.
                await answers.Writer.WriteAsync(Task.Run(() => SubmitOneOfStreamAsync(position, request, turn, context), ct), ct);
            }
        }
        finally
        {
            answers.Writer.TryComplete();
        }
        await writer;
    }

    private async Task<SubmitRecordsResponse> SubmitOneOfStreamAsync(ulong index, SubmitRecordRequest request, SubmissionTurn turn, ServerCallContext context)
    {
        try
        {
            return new SubmitRecordsResponse { Index = index, Accepted = await SubmitOneRecordAsync(request, context, context.CancellationToken, turn) };
        }
        catch (Exception ex) when (!context.CancellationToken.IsCancellationRequested && errors.ToStatus(ex, context) is { } status)
        {
            return new SubmitRecordsResponse { Index = index, Refused = new SubmitRefusal { Code = (int)status.StatusCode, Message = status.Detail } };
        }
        finally
        {
            turn.Pass(); // whatever happened, the next record of the stream may go
        }
    }

    public override async Task<GetRecordResponse> GetRecord(GetRecordRequest request, ServerCallContext context)
    {
        var id = RecordIds.Normalise(request.RecordId, "record_id");
        var record = await store.GetRecordAsync(id, context.CancellationToken) ?? throw new RecordNotFoundException(id);
        return new GetRecordResponse { Record = EvidenceProtoMapper.ToProto(record) };
    }

    public override async Task<ListRecordsResponse> ListRecords(ListRecordsRequest request, ServerCallContext context)
    {
        if (request.PageSize > RecordQuery.MaxPageSize) throw new InvalidFieldException("page_size", $"at most {RecordQuery.MaxPageSize}");
        byte[]? subject = null;
        if (!string.IsNullOrEmpty(request.SubjectId)) subject = Keccak256.HashUtf8(request.SubjectId);
        if (!request.Subject.IsEmpty)
        {
            if (request.Subject.Length != 32) throw new InvalidFieldException("subject", $"must be 32 bytes, got {request.Subject.Length}");
            if (subject is not null && !request.Subject.Span.SequenceEqual(subject)) throw new InvalidFieldException("subject", "contradicts subject_id");
            subject = request.Subject.ToByteArray();
        }
        string? subjectPrefix = null;
        if (!string.IsNullOrEmpty(request.SubjectPrefix))
        {
            if (subject is not null)
                throw new InvalidFieldException("subject_prefix", "cannot be combined with subject_id or subject (a prefix already selects subjects)");
            if (request.SubjectPrefix.Length > evidenceOptions.Value.MaxSubjectIdLength)
                throw new InvalidFieldException("subject_prefix", $"longer than {evidenceOptions.Value.MaxSubjectIdLength} characters (the longest subject id)");
            subjectPrefix = request.SubjectPrefix;
        }
        EthereumAddress? issuer = null;
        if (!string.IsNullOrEmpty(request.Issuer))
            issuer = EthereumAddress.TryParse(request.Issuer, out var parsed) ? parsed : throw new InvalidFieldException("issuer", "not an address (0x + 40 hex digits, EIP-55 checksum when mixed case)");
        Domain.RecordKind? kind = null;
        if (request.Kind != RecordKind.Unspecified)
            kind = Domain.RecordKinds.IsDefined((int)request.Kind) ? (Domain.RecordKind)(int)request.Kind : throw new InvalidFieldException("kind", $"unknown record kind {(int)request.Kind}");
        var page = await store.ListRecordsAsync(new RecordQuery
        {
            SubjectHash = subject,
            SubjectPrefix = subjectPrefix,
            Issuer = issuer,
            Kind = kind,
            Status = EvidenceProtoMapper.FromProto(request.Status),
            AcceptedFrom = request.AcceptedAfter?.ToDateTimeOffset(),
            AcceptedBefore = request.AcceptedBefore?.ToDateTimeOffset(),
            PageSize = (int)request.PageSize,
            Cursor = string.IsNullOrEmpty(request.PageToken) ? null : request.PageToken,
        }, context.CancellationToken);
        var response = new ListRecordsResponse { NextPageToken = page.NextCursor ?? "" };
        response.Records.AddRange(page.Items.Select(EvidenceProtoMapper.ToProto));
        return response;
    }

    public override async Task DownloadContent(DownloadContentRequest request, IServerStreamWriter<DownloadContentResponse> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = RecordIds.Normalise(request.RecordId, "record_id");
        var record = await store.GetRecordAsync(id, ct) ?? throw new RecordNotFoundException(id);
        // The bytes are confidential: issuer, grantee or regulator only (the record itself stays public through GetRecord).
        var caller = context.GetCaller();
        var decision = await contentAccess.DecideAsync(caller, record, ct);
        if (!decision.Allowed)
            throw new RpcException(new Status(caller.IsAnonymous ? StatusCode.Unauthenticated : StatusCode.PermissionDenied, decision.Reason));
        if (!blobs.Exists(record.ContentHash)) throw new RecordStateException($"the content of record {id} is not in this node's blob store");
        await responseStream.WriteAsync(new DownloadContentResponse
        {
            Info = new ContentInfo
            {
                ContentHash = ByteString.CopyFrom(record.ContentHash),
                ContentLength = (ulong)record.ContentLength,
                MediaType = record.MediaType ?? "",
                FileName = record.FileName ?? "",
            },
        }, ct);
        await using var stream = blobs.OpenRead(record.ContentHash);
        var buffer = new byte[DownloadChunkBytes];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            await responseStream.WriteAsync(new DownloadContentResponse { Chunk = ByteString.CopyFrom(buffer, 0, read) }, ct);
    }

    public override async Task<GetProofBundleResponse> GetProofBundle(GetProofBundleRequest request, ServerCallContext context)
    {
        var bundle = await verifier.BuildBundleAsync(RecordIds.Normalise(request.RecordId, "record_id"), context.CancellationToken);
        return new GetProofBundleResponse { Bundle = EvidenceProtoMapper.ToProto(bundle), BundleJson = ProofBundleJson.Write(bundle) };
    }

    public override async Task<VerifyResponse> Verify(VerifyRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var content = request.Content.IsEmpty ? null : request.Content.ToByteArray();
        var outcome = request.TargetCase switch
        {
            VerifyRequest.TargetOneofCase.RecordId => await verifier.VerifyRecordAsync(RecordIds.Normalise(request.RecordId, "record_id"), content, ct),
            VerifyRequest.TargetOneofCase.ProofBundleJson => await verifier.VerifyBundleAsync(
                ProofBundleJson.Parse(request.ProofBundleJson), content is null ? null : SHA256.HashData(content), "supplied content", ct),
            _ => throw new InvalidFieldException("target", "set record_id or proof_bundle_json"),
        };
        return new VerifyResponse { Result = EvidenceProtoMapper.ToProto(outcome) };
    }

    public override async Task<VerifyContentResponse> VerifyContent(IAsyncStreamReader<VerifyContentRequest> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        if (!await requestStream.MoveNext(ct) || requestStream.Current.PartCase != VerifyContentRequest.PartOneofCase.Header)
            throw new InvalidFieldException("header", "the first message must be the header");
        var recordId = string.IsNullOrEmpty(requestStream.Current.Header.RecordId) ? null : RecordIds.Normalise(requestStream.Current.Header.RecordId, "header.record_id");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await foreach (var chunk in ReadChunksFromVerify(requestStream, ct)) hash.AppendData(chunk.Span);
        var contentHash = hash.GetHashAndReset();
        var outcomes = await verifier.VerifyContentAsync(contentHash, recordId, ct);
        var response = new VerifyContentResponse { ContentHash = ByteString.CopyFrom(contentHash) };
        response.Results.AddRange(outcomes.Select(EvidenceProtoMapper.ToProto));
        response.Status = outcomes.Any(o => o.Status == Domain.VerificationStatus.Verified) ? VerificationStatus.Verified
            : outcomes.Any(o => o.Status == Domain.VerificationStatus.Flagged) ? VerificationStatus.Flagged
            : (VerificationStatus)(int)outcomes[0].Status;
        return response;
    }

    public override async Task<RevokeRecordResponse> RevokeRecord(RevokeRecordRequest request, ServerCallContext context)
    {
        EthereumAddress? signer = null;
        if (!string.IsNullOrEmpty(request.Signer))
            signer = EthereumAddress.TryParse(request.Signer, out var parsed) ? parsed : throw new InvalidFieldException("signer", "not an address");
        if (request.Reason > ushort.MaxValue) throw new InvalidFieldException("reason", "must fit in uint16");
        await access.EnsureMayRevokeAsync(context, signer, context.CancellationToken);
        var txHash = await relay.RelayAsync(new RevocationRequest(request.RecordId, request.SupersededBy, (ushort)request.Reason, request.Nonce,
            request.Deadline, request.Signature.ToByteArray(), signer), context.CancellationToken);
        return new RevokeRecordResponse { TxHash = ByteString.CopyFrom(txHash) };
    }

    public override async Task WatchRecordStatus(WatchRecordStatusRequest request, IServerStreamWriter<WatchRecordStatusResponse> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var ids = request.RecordIds.Select((id, i) => RecordIds.Normalise(id, $"record_ids[{i}]")).ToHashSet(StringComparer.Ordinal);
        if (request.IncludeCurrent && ids.Count == 0) throw new InvalidFieldException("include_current", "needs record_ids");
        var after = request.AfterSequence > 0 ? (long)request.AfterSequence : await store.GetLatestStatusChangeSequenceAsync(ct);
        // Headers now, not with the first change: a client that has them knows every later change will reach it.
        await context.WriteResponseHeadersAsync(new Metadata());
        if (request.IncludeCurrent)
        {
            foreach (var id in ids)
            {
                var record = await store.GetRecordAsync(id, ct) ?? throw new RecordNotFoundException(id);
                await responseStream.WriteAsync(new WatchRecordStatusResponse
                {
                    RecordId = id,
                    Change = RecordChange.Unspecified,
                    Status = EvidenceProtoMapper.ToProto(record.Status),
                    At = Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
                }, ct);
            }
        }
        string? single = ids.Count == 1 ? ids.First() : null;
        while (!ct.IsCancellationRequested)
        {
            // Taken before the read: a commit after the read completes it, so the wait below cannot miss it.
            var written = store.NextStatusChange;
            var readAt = clock.GetTimestamp();
            var changes = await store.ReadStatusChangesAsync(after, 500, single, ct);
            foreach (var change in changes)
            {
                after = change.Sequence;
                if (ids.Count > 0 && !ids.Contains(change.RecordId)) continue;
                await responseStream.WriteAsync(new WatchRecordStatusResponse
                {
                    RecordId = change.RecordId,
                    Change = EvidenceProtoMapper.ToProto(change.Change),
                    Status = EvidenceProtoMapper.ToProto(change.Status),
                    At = Timestamp.FromDateTimeOffset(change.At),
                    Sequence = (ulong)change.Sequence,
                }, ct);
            }
            if (changes.Count < 500)
            {
                try
                {
                    // Idle watchers wait for the change feed's signal (no polling, no CPU); under load each watcher
                    // still reads at most once per WatchReadInterval, so a busy feed costs what polling did.
                    await written.WaitAsync(ct);
                    var wait = WatchReadInterval - clock.GetElapsedTime(readAt);
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct);
                }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadChunks(IAsyncStreamReader<SubmitDocumentRequest> stream, [EnumeratorCancellation] CancellationToken ct)
    {
        var index = 1;
        while (await stream.MoveNext(ct))
        {
            if (stream.Current.PartCase != SubmitDocumentRequest.PartOneofCase.Chunk)
                throw new InvalidFieldException($"chunk", $"message {index} is a second header; only chunks may follow the header");
            index++;
            yield return stream.Current.Chunk.Memory;
        }
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadChunksFromVerify(IAsyncStreamReader<VerifyContentRequest> stream, [EnumeratorCancellation] CancellationToken ct)
    {
        while (await stream.MoveNext(ct))
        {
            if (stream.Current.PartCase != VerifyContentRequest.PartOneofCase.Chunk)
                throw new InvalidFieldException("chunk", "only chunks may follow the header");
            yield return stream.Current.Chunk.Memory;
        }
    }
}
