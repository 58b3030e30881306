using Grpc.Core;
using Trace.Node.Verification;
using Trace.Protos.V1;
using AuditFinding = Trace.Protos.V1.AuditFinding;
using AuditFindingKind = Trace.Protos.V1.AuditFindingKind;
using AuditSummary = Trace.Protos.V1.AuditSummary;

namespace Trace.Api.Services;

/// <summary>trace.v1.AuditService: the index checked against the blob store and the chain.</summary>
public sealed class AuditGrpcService(IndexAuditor auditor) : AuditService.AuditServiceBase
{
    public override async Task AuditIndex(AuditIndexRequest request, IServerStreamWriter<AuditIndexResponse> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var summary = new Trace.Node.Verification.AuditSummary();
        await foreach (var finding in auditor.AuditAsync(summary, ct))
        {
            var message = new AuditFinding
            {
                RecordId = finding.RecordId,
                IndexedStatus = finding.IndexedStatus is { } indexed ? EvidenceProtoMapper.ToProto(indexed) : RecordStatus.Unspecified,
                Verdict = (VerificationStatus)(int)finding.Verdict,
                Problem = finding.Problem,
                Kind = (AuditFindingKind)(int)finding.Kind,
                BatchId = (ulong)finding.BatchId,
                BlobHash = finding.BlobHash ?? "",
            };
            message.FailedChecks.AddRange(finding.FailedChecks);
            await responseStream.WriteAsync(new AuditIndexResponse { Finding = message }, ct);
        }
        var totals = new AuditSummary
        {
            Records = (ulong)summary.Records,
            Findings = (ulong)summary.Findings,
            Batches = (ulong)summary.Batches,
            Blobs = (ulong)summary.Blobs,
            LineageRows = (ulong)summary.LineageRows,
            RpcCalls = (ulong)summary.RpcCalls,
            ElapsedMs = (ulong)summary.Elapsed.TotalMilliseconds,
        };
        foreach (var (kind, count) in summary.ByKind) totals.ByKind[((AuditFindingKind)(int)kind).ToString()] = (ulong)count;
        foreach (var (verdict, count) in summary.ByVerdict) totals.ByVerdict[((VerificationStatus)(int)verdict).ToString()] = (ulong)count;
        await responseStream.WriteAsync(new AuditIndexResponse { Summary = totals }, ct);
    }
}
