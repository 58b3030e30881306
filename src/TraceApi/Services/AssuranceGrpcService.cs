using Google.Protobuf;
using Grpc.Core;
using Trace.Api.Access;
using Trace.Crypto;
using Trace.Node.Access;
using Trace.Node.Assurance;
using Trace.Protos.V1;
using InvalidFieldException = Trace.Domain.InvalidFieldException;
using RecordIds = Trace.Domain.RecordIds;
using RegistryEventKind = Trace.Domain.Assurance.RegistryEventKind;

namespace Trace.Api.Services;

/// <summary>trace.v1.AssuranceService: relays regulator flags and verifier endorsements, streams and exports the audit trail.</summary>
public sealed class AssuranceGrpcService(AssuranceRelay relay, AuditTrailReader trail, AccessRules access, TimeProvider clock) : AssuranceService.AssuranceServiceBase
{
    private const int ExportChunkBytes = 64 * 1024;

    public override async Task<FlagRecordResponse> FlagRecord(FlagRecordRequest request, ServerCallContext context)
    {
        var receipt = await RelayAsync(context, AssuranceAction.Flag, request.RecordId, (int)request.Reason, request.Signer, request.Nonce, request.Deadline,
            request.Signature, request.Note, request.Uri);
        var response = new FlagRecordResponse { TxHash = ByteString.CopyFrom(receipt.TxHash), BlockNumber = (ulong)receipt.BlockNumber };
        if (receipt.Flag is { } flag) response.Flag = AssuranceProtoMapper.ToProto(flag);
        return response;
    }

    public override async Task<UnflagRecordResponse> UnflagRecord(UnflagRecordRequest request, ServerCallContext context)
    {
        var receipt = await RelayAsync(context, AssuranceAction.Unflag, request.RecordId, (int)request.Reason, request.Signer, request.Nonce, request.Deadline,
            request.Signature, null, null);
        return new UnflagRecordResponse { TxHash = ByteString.CopyFrom(receipt.TxHash), BlockNumber = (ulong)receipt.BlockNumber };
    }

    public override async Task<EndorseRecordResponse> EndorseRecord(EndorseRecordRequest request, ServerCallContext context)
    {
        var receipt = await RelayAsync(context, AssuranceAction.Endorse, request.RecordId, (int)request.Code, request.Signer, request.Nonce, request.Deadline,
            request.Signature, null, null);
        var response = new EndorseRecordResponse { TxHash = ByteString.CopyFrom(receipt.TxHash), BlockNumber = (ulong)receipt.BlockNumber };
        if (receipt.Endorsement is { } endorsement) response.Endorsement = AssuranceProtoMapper.ToProto(endorsement);
        return response;
    }

    public override async Task GetAuditTrail(GetAuditTrailRequest request, IServerStreamWriter<AuditTrailEvent> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var query = ToQuery(request, "");
        await foreach (var e in trail.ReadAsync(query, ct)) await responseStream.WriteAsync(AssuranceProtoMapper.ToProto(e), ct);
    }

    public override async Task ExportAuditTrail(ExportAuditTrailRequest request, IServerStreamWriter<ExportAuditTrailResponse> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var query = ToQuery(request.Filter ?? new GetAuditTrailRequest(), "filter.");
        var (mediaType, extension) = request.Format switch
        {
            AuditExportFormat.Csv => ("text/csv; charset=utf-8", "csv"),
            AuditExportFormat.Json => ("application/json", "json"),
            _ => throw new InvalidFieldException("format", "set AUDIT_EXPORT_FORMAT_CSV or AUDIT_EXPORT_FORMAT_JSON"),
        };
        // The document is written to a temporary file first: its description (event count) goes before its bytes.
        var path = Path.GetTempFileName();
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var now = clock.GetUtcNow();
        var events = request.Format == AuditExportFormat.Csv
            ? await AuditTrailExport.WriteCsvAsync(trail.ReadAsync(query, ct), file, ct)
            : await AuditTrailExport.WriteJsonAsync(trail.ReadAsync(query, ct), query, now, file, ct);
        await responseStream.WriteAsync(new ExportAuditTrailResponse
        {
            Info = new AuditExportInfo
            {
                MediaType = mediaType, Events = (ulong)events,
                FileName = $"trace-audit-trail-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.{extension}",
            },
        }, ct);
        file.Position = 0;
        var buffer = new byte[ExportChunkBytes];
        int read;
        while ((read = await file.ReadAsync(buffer, ct)) > 0)
            await responseStream.WriteAsync(new ExportAuditTrailResponse { Chunk = ByteString.CopyFrom(buffer, 0, read) }, ct);
    }

    private async Task<AssuranceReceipt> RelayAsync(ServerCallContext context, AssuranceAction action, string recordId, int code, string signerText,
        ulong nonce, ulong deadline, ByteString signature, string? note, string? uri)
    {
        var ct = context.CancellationToken;
        var id = RecordIds.Normalise(recordId, "record_id");
        if (string.IsNullOrEmpty(signerText)) throw new InvalidFieldException("signer", "required: the key that signed the message");
        if (!EthereumAddress.TryParse(signerText, out var signer)) throw new InvalidFieldException("signer", "not an address (0x + 40 hex digits, EIP-55 checksum when mixed case)");
        var field = action == AssuranceAction.Endorse ? "code" : "reason";
        if (code is <= 0 or > ushort.MaxValue) throw new InvalidFieldException(field, $"{code} is not a {field} code; set one of the listed values (UNSPECIFIED is refused)");
        var request = new AssuranceRequest(action, id, (ushort)code, signer, nonce, deadline, signature.ToByteArray(), note, uri);
        relay.Validate(request); // malformed input is INVALID_ARGUMENT before any look-up
        await access.EnsureSignerIsCallersAsync(context, signer, ct);
        return await relay.RelayAsync(request, ct);
    }

    private static AuditTrailQuery ToQuery(GetAuditTrailRequest request, string prefix)
    {
        var from = request.From?.ToDateTimeOffset();
        var to = request.To?.ToDateTimeOffset();
        if (from is not null && to is not null && to < from) throw new InvalidFieldException(prefix + "to", "is before from");
        string? participant = null;
        if (!string.IsNullOrEmpty(request.ParticipantId))
        {
            try { participant = ParticipantIdText.Format(ParticipantIdText.Parse(request.ParticipantId)); }
            catch (FormatException ex) { throw new InvalidFieldException(prefix + "participant_id", ex.Message); }
        }
        var kinds = new List<RegistryEventKind>();
        for (var i = 0; i < request.Kinds.Count; i++)
        {
            var kind = (int)request.Kinds[i];
            if (!Enum.IsDefined((RegistryEventKind)kind)) throw new InvalidFieldException($"{prefix}kinds[{i}]", $"{kind} is not an audit event kind (UNSPECIFIED is refused)");
            kinds.Add((RegistryEventKind)kind);
        }
        var recordId = string.IsNullOrEmpty(request.RecordId) ? null : RecordIds.Normalise(request.RecordId, prefix + "record_id");
        string? actor = null;
        if (!string.IsNullOrEmpty(request.Actor))
            actor = EthereumAddress.TryParse(request.Actor, out var parsed) ? parsed.ToString() : throw new InvalidFieldException(prefix + "actor", "not an address");
        if (request.MaxEvents > AuditTrailQuery.MaxMaxEvents) throw new InvalidFieldException(prefix + "max_events", $"at most {AuditTrailQuery.MaxMaxEvents}");
        return new AuditTrailQuery(from, to, participant, kinds, recordId, string.IsNullOrEmpty(request.SubjectId) ? null : request.SubjectId, actor, (int)request.MaxEvents);
    }
}
