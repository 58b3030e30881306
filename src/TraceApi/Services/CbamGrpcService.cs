using Grpc.Core;
using Trace.Api.Access;
using Trace.Chain.Contracts.Registries;
using Trace.Node.Access;
using Trace.Domain;
using Trace.Node.Standards.Cbam;
using Trace.Protos.V1;

namespace Trace.Api.Services;

/// <summary>trace.v1.CbamService: CBAM reports per period, CN code and installation, from the carbon lineage.</summary>
public sealed class CbamGrpcService(CbamExporter exporter, KeyStandings standings) : CbamService.CbamServiceBase
{
    private const int MaxInstallationLength = 256;

    public override async Task<ExportCbamReportResponse> ExportCbamReport(ExportCbamReportRequest request, ServerCallContext context)
    {
        if (request.PeriodStart is null) throw new InvalidFieldException("period_start", "is required");
        if (request.PeriodEnd is null) throw new InvalidFieldException("period_end", "is required");
        var start = request.PeriodStart.ToDateTimeOffset();
        var end = request.PeriodEnd.ToDateTimeOffset();
        if (end <= start) throw new InvalidFieldException("period_end", "must be after period_start");
        if (request.CnCode.Length > 0 && (request.CnCode.Length != 8 || !request.CnCode.All(char.IsAsciiDigit)))
            throw new InvalidFieldException("cn_code", $"\"{request.CnCode}\" is not an 8-digit CN code");
        if (request.InstallationId.Length > MaxInstallationLength) throw new InvalidFieldException("installation_id", $"longer than {MaxInstallationLength} characters");
        if (request.Format == CbamReportFormat.Unspecified) throw new InvalidFieldException("format", "is required (CBAM_REPORT_FORMAT_JSON or CBAM_REPORT_FORMAT_CSV)");

        // Regulators, verifiers and admins see every good; a supplier only the goods within its participant's lineage reach.
        var caller = context.GetCaller();
        IReadOnlyCollection<string>? reach = null;
        if (!caller.IsAdmin && !caller.HasAnyRole(ParticipantRoles.Regulator | ParticipantRoles.Verifier))
            reach = caller.ParticipantId is null ? [] : [.. (await standings.KeysOfAsync(caller.ParticipantId, context.CancellationToken)).Select(k => k.ToString())];
        var report = await exporter.ExportAsync(new CbamReportQuery(start, end, request.CnCode, request.InstallationId, reach), context.CancellationToken);
        var json = request.Format == CbamReportFormat.Json;
        return new ExportCbamReportResponse
        {
            MediaType = json ? "application/json" : "text/csv",
            Content = json ? CbamReportJson.Write(report) : CbamReportCsv.Write(report),
            GoodsItems = (uint)report.Goods.Count,
            Batches = (uint)report.Goods.Sum(g => g.Batches.Count),
        };
    }
}
