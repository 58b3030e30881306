using Grpc.Core;
using Trace.Crypto;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Decisions;
using Trace.Node.Decisions.Plans;
using Trace.Node.Decisions.Routing;
using Trace.Protos.V1;

namespace Trace.Api.Services;

/// <summary>trace.v1.RouteDecisionService: the lowest-carbon multimodal route under deadlines (docs/decisions.md).</summary>
public sealed class RouteDecisionGrpcService(RouteDecider decider, RoutePlanStore plans) : RouteDecisionService.RouteDecisionServiceBase
{
    public override async Task<DecideRouteResponse> DecideRoute(DecideRouteRequest request, ServerCallContext context)
    {
        if (request.CargoMass is null) throw new InvalidFieldException("cargo_mass", "is required (amount and a mass unit, e.g. \"25\" \"TNE\")");
        var amount = DecisionDecimals.Positive(request.CargoMass.Amount, "cargo_mass.amount");
        if (!MeasureUnit.TryParse(request.CargoMass.Unit, out var unit) || !unit.IsMass)
            throw new InvalidFieldException("cargo_mass.unit", $"\"{request.CargoMass.Unit}\" is not a mass unit (\"KGM\", \"TNE\", \"GRM\", \"LBR\")");
        var tonnes = amount * unit.KilogramsPerUnit!.Value / 1000m;
        if (request.DeadlineDays.Count > RouteDecider.MaxDeadlines) throw new InvalidFieldException("deadline_days", $"give 1 to {RouteDecider.MaxDeadlines} deadlines");
        var deadlines = request.DeadlineDays.Select((d, i) => DecisionDecimals.Positive(d, $"deadline_days[{i}]")).ToList();
        decimal? transfer = request.TransferDays.Length == 0 ? null : DecisionDecimals.NonNegative(request.TransferDays, "transfer_days");
        int? maxLegs = request.MaxLegs == 0 ? null : (int)Math.Min(request.MaxLegs, int.MaxValue);
        var query = new RouteQuery(request.Origin, request.Destination, tonnes, deadlines, transfer, maxLegs);
        var decision = await decider.DecideAsync(query, context.CancellationToken);
        var response = DecisionProtoMapper.ToProto(decision);
        // Every row with a path is kept as a plan a shipment can cite, all in one blob commit.
        var rows = Enumerable.Range(0, decision.Decisions.Count).Where(i => decision.Decisions[i].Path is not null).ToList();
        var ids = await plans.KeepAsync([.. rows.Select(i => RoutePlan.Of(query, decision, decision.Decisions[i]))], context.CancellationToken);
        for (var r = 0; r < rows.Count; r++) response.Decisions[rows[r]].PlanId = ids[r];
        return response;
    }

    public override Task<GetRoutePlanResponse> GetRoutePlan(GetRoutePlanRequest request, ServerCallContext context)
    {
        var text = request.PlanId.Trim();
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !Hex.TryDecode(text, out var hash) || hash.Length != 32)
            throw new InvalidFieldException("plan_id", $"\"{request.PlanId}\" is not a plan id: \"0x\" + 64 hex digits, as DecideRoute returns it");
        var planId = Hex.Encode(hash);
        var (plan, document) = plans.Find(planId) ?? throw new DecisionNotFoundException("plan_id", $"this node made no route plan {planId}");
        return Task.FromResult(DecisionProtoMapper.ToProto(planId, plan, document));
    }
}
