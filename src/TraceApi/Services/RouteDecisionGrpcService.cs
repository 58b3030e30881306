using Grpc.Core;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Decisions;
using Trace.Node.Decisions.Routing;
using Trace.Protos.V1;

namespace Trace.Api.Services;

/// <summary>trace.v1.RouteDecisionService: the lowest-carbon multimodal route under deadlines (docs/decisions.md).</summary>
public sealed class RouteDecisionGrpcService(RouteDecider decider) : RouteDecisionService.RouteDecisionServiceBase
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
        var decision = await decider.DecideAsync(new RouteQuery(request.Origin, request.Destination, tonnes, deadlines, transfer, maxLegs), context.CancellationToken);
        return DecisionProtoMapper.ToProto(decision);
    }
}
