using Google.Protobuf.WellKnownTypes;
using Trace.Node.Decisions;
using Trace.Node.Decisions.Cbam;
using Trace.Node.Decisions.Lanes;
using Trace.Node.Decisions.Plans;
using Trace.Node.Decisions.Routing;
using Trace.Protos.V1;
using DomainMode = Trace.Domain.Lineage.TransportMode;

namespace Trace.Api.Services;

/// <summary>Lanes, route answers and CBAM cost estimates to and from their protobuf messages; decimals in plain notation.</summary>
internal static class DecisionProtoMapper
{
    /// <summary>A request lane to a domain lane, refused naming <c>{list}[i].field</c>.</summary>
    public static Node.Decisions.Lanes.Lane FromProto(Protos.V1.Lane lane, string path, string owner, DateTimeOffset now) =>
        LaneRules.Build(path, lane.LaneId, lane.Mode == TransportMode.Unspecified || !System.Enum.IsDefined(lane.Mode) ? null : (DomainMode)(int)lane.Mode,
            lane.Origin, lane.Destination, lane.DistanceKm, lane.TransitDays, lane.HandlingDays, lane.MeasuredKgCo2EPerTonneKm, lane.IntensitySource,
            owner, now, field => "." + field);

    public static Protos.V1.Lane ToProto(Node.Decisions.Lanes.Lane lane) => new()
    {
        LaneId = lane.LaneId,
        Mode = (TransportMode)(int)lane.Mode,
        Origin = lane.Origin,
        Destination = lane.Destination,
        DistanceKm = D(lane.DistanceKm),
        TransitDays = D(lane.TransitDays),
        HandlingDays = D(lane.HandlingDays),
        MeasuredKgCo2EPerTonneKm = lane.MeasuredKgCo2ePerTonneKm is { } m ? D(m) : "",
        IntensitySource = lane.IntensitySource ?? "",
        Owner = lane.Owner,
        UpdatedAt = Timestamp.FromDateTimeOffset(lane.UpdatedAt),
    };

    public static DecideRouteResponse ToProto(RouteDecision decision)
    {
        var response = new DecideRouteResponse
        {
            FactorSetVersion = decision.FactorSet.Version,
            FactorSetRecordId = decision.FactorSet.RecordId ?? "",
            CargoTonnes = D(decision.CargoTonnes),
            TransferDays = D(decision.TransferDays),
            MaxLegs = (uint)decision.MaxLegs,
            LanesConsidered = (uint)decision.LanesConsidered,
        };
        response.Factors.AddRange(decision.FactorsUsed.Select(f => new Protos.V1.TransportFactor
        {
            Mode = (TransportMode)(int)f.Mode,
            KgCo2EPerTonneKm = D(f.KgCo2ePerTonneKm),
            Source = f.Source,
            Table = f.Table ?? "",
            Year = f.Year is { } y ? (uint)y : 0,
            Assumption = f.IsAssumption,
            Note = f.Note ?? "",
        }));
        response.ParetoFront.AddRange(decision.Front.Select(p => ToProto(p, decision.FactorSet.Version)));
        response.Decisions.AddRange(decision.Decisions.Select(d => new Protos.V1.DeadlineDecision
        {
            DeadlineDays = D(d.DeadlineDays),
            Path = d.Path is null ? null : ToProto(d.Path, decision.FactorSet.Version),
            Reason = (Protos.V1.NoRouteReason)(int)d.Reason,
            Detail = d.Detail,
        }));
        return response;
    }

    private static Protos.V1.RoutePath ToProto(Node.Decisions.Routing.RoutePath path, string version) =>
        ToProto(path.KgCo2e, path.Days, path.Transfers, RoutePlanLeg.AllOf(path, version));

    public static GetRoutePlanResponse ToProto(string planId, RoutePlan plan, byte[] document) => new()
    {
        PlanId = planId,
        Document = System.Text.Encoding.UTF8.GetString(document),
        Origin = plan.Origin,
        Destination = plan.Destination,
        CargoTonnes = D(plan.CargoTonnes),
        DeadlineDays = D(plan.DeadlineDays),
        TransferDays = D(plan.TransferDays),
        FactorSetVersion = plan.FactorSetVersion,
        FactorSetRecordId = plan.FactorSetRecordId ?? "",
        Path = ToProto(plan.KgCo2e, plan.Days, plan.Transfers, plan.Legs),
    };

    private static Protos.V1.RoutePath ToProto(decimal kgCo2e, decimal days, int transfers, IEnumerable<RoutePlanLeg> legs)
    {
        var proto = new Protos.V1.RoutePath { KgCo2E = D(kgCo2e), Days = D(days), Transfers = (uint)transfers };
        proto.Legs.AddRange(legs.Select(leg => new RouteLeg
        {
            LaneId = leg.LaneId,
            Mode = (TransportMode)(int)leg.Mode,
            Origin = leg.Origin,
            Destination = leg.Destination,
            DistanceKm = D(leg.DistanceKm),
            Days = D(leg.Days),
            TransferDaysBefore = D(leg.TransferDaysBefore),
            KgCo2EPerTonneKm = D(leg.KgCo2ePerTonneKm),
            Basis = leg.Measured ? IntensityBasis.Measured : IntensityBasis.FactorSet,
            IntensitySource = leg.IntensitySource,
            KgCo2E = D(leg.KgCo2e),
        }));
        return proto;
    }

    public static Protos.V1.CbamDefaultValue ToProto(Node.Decisions.Cbam.CbamDefaultValue value) => new()
    {
        CnCode = value.CnCode,
        DirectTCo2EPerTonne = D(value.DirectTonnesPerTonne),
        IndirectTCo2EPerTonne = value.IndirectTonnesPerTonne is { } i ? D(i) : "",
        PriceIndirect = value.PricesIndirect,
        Source = value.Source,
        UpdatedAt = Timestamp.FromDateTimeOffset(value.UpdatedAt),
    };

    public static EstimateCbamCostResponse ToProto(CbamCostEstimate estimate)
    {
        var response = new EstimateCbamCostResponse
        {
            CnCode = estimate.CnCode,
            DefaultValue = ToProto(estimate.DefaultValue),
            NetMassTonnes = D(estimate.NetMassTonnes),
            ActualTCo2E = D(estimate.ActualTonnes),
            VerifiedTCo2E = D(estimate.VerifiedTonnes),
            DefaultTCo2E = D(estimate.DefaultTonnes),
            WithTraceDataTCo2E = D(estimate.WithTraceDataTonnes),
            VerifiedShare = estimate.ActualTonnes == 0 ? "" : D(estimate.VerifiedTonnes / estimate.ActualTonnes),
            OriginCarbonPrice = estimate.OriginPrice is { } o
                ? new Protos.V1.OriginCarbonPrice { RecordId = o.RecordId, EurPerTonne = D(o.EurPerTonne), Country = o.Country, Status = o.Status, Verified = o.Verified }
                : null,
        };
        response.Scenarios.AddRange(estimate.Scenarios.Select(s => new Protos.V1.CbamCostScenario
        {
            PriceEurPerTonne = D(s.PriceEurPerTonne),
            DeductionEurPerTonne = D(s.DeductionEurPerTonne),
            CostWithTraceDataEur = D(s.CostWithTraceData),
            CostWithDefaultsEur = D(s.CostWithDefaults),
            DifferenceEur = D(s.Difference),
        }));
        foreach (var good in estimate.Goods)
        {
            var g = new Protos.V1.CbamCostGood
            {
                BatchId = good.BatchId,
                NetMassTonnes = D(good.NetMassTonnes),
                ActualTCo2E = D(good.ActualTonnes),
                VerifiedTCo2E = D(good.VerifiedTonnes),
                DefaultTCo2E = D(good.DefaultTonnes),
                WithTraceDataTCo2E = D(good.WithTraceDataTonnes),
            };
            g.Figures.AddRange(good.Figures.Select(f => new CbamCostFigure
            {
                Figure = f.Figure,
                Emissions = f.Emissions,
                TCo2E = D(f.TonnesCo2e),
                TypeOfDetermination = f.TypeOfDetermination,
                RecordId = f.RecordId,
                VerificationStatus = f.VerificationStatus,
            }));
            response.Goods.Add(g);
        }
        return response;
    }

    private static string D(decimal value) => DecisionDecimals.Plain(value);
}
