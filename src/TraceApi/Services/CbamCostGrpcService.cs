using Grpc.Core;
using Trace.Api.Access;
using Trace.Chain.Contracts.Registries;
using Trace.Domain;
using Trace.Node.Access;
using Trace.Node.Decisions;
using Trace.Node.Decisions.Cbam;
using Trace.Protos.V1;

namespace Trace.Api.Services;

/// <summary>trace.v1.CbamCostService: the operator's CBAM default values and cost scenarios (docs/decisions.md).</summary>
public sealed class CbamCostGrpcService(CbamCostEstimator estimator, CbamDefaultValueTable table, KeyStandings standings, TimeProvider clock)
    : CbamCostService.CbamCostServiceBase
{
    private const int MaxRows = 1000;
    private const int MaxInstallationLength = 256;

    public override async Task<PutCbamDefaultValuesResponse> PutCbamDefaultValues(PutCbamDefaultValuesRequest request, ServerCallContext context)
    {
        if (request.Values.Count is 0 or > MaxRows) throw new InvalidFieldException("values", $"give 1 to {MaxRows} rows");
        var now = clock.GetUtcNow();
        var rows = new List<Node.Decisions.Cbam.CbamDefaultValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Values.Count; i++)
        {
            var v = request.Values[i];
            var row = CbamDefaultValueRules.Build($"values[{i}]", v.CnCode, v.DirectTCo2EPerTonne, v.IndirectTCo2EPerTonne, v.PriceIndirect, v.Source, now, f => "." + f);
            if (!seen.Add(row.CnCode)) throw new InvalidFieldException($"values[{i}].cn_code", $"CN code {row.CnCode} is given twice");
            rows.Add(row);
        }
        var (created, replaced) = await table.PutAsync(rows, context.CancellationToken);
        return new PutCbamDefaultValuesResponse { Created = (uint)created, Replaced = (uint)replaced };
    }

    public override async Task<ListCbamDefaultValuesResponse> ListCbamDefaultValues(ListCbamDefaultValuesRequest request, ServerCallContext context)
    {
        var response = new ListCbamDefaultValuesResponse();
        response.Values.AddRange((await table.AllAsync(context.CancellationToken)).Select(DecisionProtoMapper.ToProto));
        return response;
    }

    public override async Task<EstimateCbamCostResponse> EstimateCbamCost(EstimateCbamCostRequest request, ServerCallContext context)
    {
        var byBatch = request.BatchId.Length > 0;
        if (byBatch == request.CnCode.Length > 0) throw new InvalidFieldException("batch_id", "give either batch_id or cn_code (with installation_id and the period), not both or neither");
        DateTimeOffset? start = null, end = null;
        if (!byBatch)
        {
            if (request.CnCode.Length != 8 || !request.CnCode.All(char.IsAsciiDigit)) throw new InvalidFieldException("cn_code", $"\"{request.CnCode}\" is not an 8-digit CN code");
            if (request.InstallationId.Length == 0) throw new InvalidFieldException("installation_id", "is required with cn_code");
            if (request.InstallationId.Length > MaxInstallationLength) throw new InvalidFieldException("installation_id", $"longer than {MaxInstallationLength} characters");
            if (request.PeriodStart is null) throw new InvalidFieldException("period_start", "is required with cn_code");
            if (request.PeriodEnd is null) throw new InvalidFieldException("period_end", "is required with cn_code");
            start = request.PeriodStart.ToDateTimeOffset();
            end = request.PeriodEnd.ToDateTimeOffset();
            if (end <= start) throw new InvalidFieldException("period_end", "must be after period_start");
        }
        if (request.PricesEurPerTonne.Count > CbamCostEstimator.MaxScenarios) throw new InvalidFieldException("prices_eur_per_tonne", $"give 1 to {CbamCostEstimator.MaxScenarios} carbon prices");
        var prices = request.PricesEurPerTonne.Select((p, i) => DecisionDecimals.NonNegative(p, $"prices_eur_per_tonne[{i}]")).ToList();

        // As ExportCbamReport: regulators, verifiers and admins price every good; a supplier only goods within its lineage reach.
        var caller = context.GetCaller();
        IReadOnlyCollection<string>? reach = null;
        if (!caller.IsAdmin && !caller.HasAnyRole(ParticipantRoles.Regulator | ParticipantRoles.Verifier))
            reach = caller.ParticipantId is null ? [] : [.. (await standings.KeysOfAsync(caller.ParticipantId, context.CancellationToken)).Select(k => k.ToString())];
        var estimate = await estimator.EstimateAsync(new CbamCostQuery(byBatch ? request.BatchId : null, byBatch ? null : request.CnCode,
            byBatch ? null : request.InstallationId, start, end, prices, request.OriginCarbonPriceRecordId.Length > 0 ? request.OriginCarbonPriceRecordId : null, reach),
            context.CancellationToken);
        return DecisionProtoMapper.ToProto(estimate);
    }
}
