using Google.Protobuf.WellKnownTypes;
using Trace.Domain.Lineage;
using Trace.Node.Lineage.Propagation;
using Trace.Node.Lineage.Queries;
using Trace.Protos.V1;
using DomainMethod = Trace.Domain.Lineage.EmissionMethod;
using ProtoFootprint = Trace.Protos.V1.Footprint;
using ProtoFootprintComponent = Trace.Protos.V1.FootprintComponent;
using ProtoFootprintStage = Trace.Protos.V1.FootprintStage;

namespace Trace.Api.Services;

/// <summary>Lineage read models → trace.v1 lineage messages; decimals as plain strings without trailing zeros.</summary>
internal static class LineageProtoMapper
{
    /// <summary>Plain decimal text: no exponent, "." separator, trailing zeros after the point removed.</summary>
    public static string Text(decimal value) => PlainDecimal.Format(value);

    private static string Text(decimal? value) => value is { } v ? Text(v) : "";

    private static string Share(decimal part, decimal total) => total == 0m ? "" : Text(part / total);

    public static ProtoFootprint ToProto(BatchFootprint f)
    {
        var proto = new ProtoFootprint
        {
            BatchId = f.BatchId, BatchRecordId = f.BatchRecordId, Producer = f.Producer, ProductName = f.ProductName,
            Quantity = new LineageQuantity { Amount = Text(f.Quantity), Unit = f.Unit },
            Basis = f.Declared ? FootprintBasis.Declared : FootprintBasis.Computed,
            TotalKgCo2E = Text(f.Total), KgCo2EPerUnit = Text(f.PerUnit),
            ByScope = new ScopeBreakdown { Scope1KgCo2E = Text(f.Scope1), Scope2KgCo2E = Text(f.Scope2), Scope3KgCo2E = Text(f.Scope3), DeclaredKgCo2E = Text(f.DeclaredKgCo2e) },
            PrimaryKgCo2E = Text(f.Primary), PrimaryShare = Share(f.Primary, f.Total),
            VerifiedKgCo2E = Text(f.Verified), VerifiedShare = Share(f.Verified, f.Total),
            TransportNotReportedUpstream = f.TransportNotReportedUpstream,
            RestsOnWithdrawnEvidence = f.Withdrawn.Count > 0,
            ComputedAt = Timestamp.FromDateTimeOffset(f.ComputedAt), VerificationAsOf = Timestamp.FromDateTimeOffset(f.VerifiedAt),
            ProducedByTransformationId = f.ProducedBy ?? "", DeclarationRecordId = f.DeclarationRecordId ?? "", ConsumedAmount = Text(f.Consumed),
        };
        proto.Breakdown.AddRange(f.Breakdown.Select(ToProto));
        proto.TransportNotReported.AddRange(f.TransportNotReported.Select(t => new TransportNotReported { ShipmentId = t.ShipmentId, ShipmentRecordId = t.ShipmentRecordId, BatchId = t.BatchId }));
        proto.WithdrawnEvidence.AddRange(f.Withdrawn.Select(ToProto));
        proto.Citations.AddRange(f.Citations.Select(ToProto));
        proto.FactorSetVersions.AddRange(f.FactorSetVersions);
        proto.PlannedTransport.AddRange(f.PlannedTransport.Select(ToProto));
        return proto;
    }

    private static Protos.V1.PlannedTransport ToProto(Node.Carbon.Footprint.PlannedTransport p) => new()
    {
        InputBatchId = p.InputBatchId, TransformationId = p.TransformationId, ShipmentId = p.ShipmentId, PlannedShipmentId = p.PlannedShipmentId,
        ShipmentRecordId = p.ShipmentRecordId, PlanId = p.PlanId, DeadlineDays = Text(p.DeadlineDays), PlannedDays = Text(p.PlannedDays),
        CargoTonnes = Text(p.CargoTonnes), ShipmentQuantity = Text(p.ShipmentQuantity), PlannedShipmentKgCo2E = Text(p.PlannedShipmentKgCo2e),
        RecordedShipmentKgCo2E = Text(p.RecordedShipmentKgCo2e), PlannedKgCo2E = Text(p.PlannedKgCo2e), RecordedKgCo2E = Text(p.RecordedKgCo2e),
        DifferenceKgCo2E = Text(p.DifferenceKgCo2e),
    };

    private static ProtoFootprintComponent ToProto(Node.Carbon.Footprint.FootprintComponent c)
    {
        var proto = new ProtoFootprintComponent
        {
            Stage = (ProtoFootprintStage)(int)c.Stage,
            KgCo2E = Text(c.KgCo2e), PrimaryKgCo2E = Text(c.PrimaryKgCo2e), VerifiedKgCo2E = Text(c.VerifiedKgCo2e),
            Method = c.Declared ? FigureMethod.Declared : c.Method switch
            {
                DomainMethod.Measured => FigureMethod.Measured,
                DomainMethod.Calculated => FigureMethod.Calculated,
                DomainMethod.DefaultFactor => FigureMethod.DefaultFactor,
                _ => FigureMethod.Unspecified,
            },
            RecordId = c.RecordId, TransformationId = c.TransformationId ?? "", AllocationShare = Text(c.AllocationShare),
            InputBatchId = c.InputBatchId ?? "", InputKgCo2EPerUnit = Text(c.InputKgCo2ePerUnit), ShipmentId = c.ShipmentId ?? "",
            LegShipmentId = c.LegShipmentId ?? "", LegIndex = (uint)(c.LegIndex ?? 0), Mode = c.Mode is { } mode ? Domain.Lineage.TransportModeNames.ToName(mode) : "",
            DistanceKm = Text(c.DistanceKm), LegKgCo2E = Text(c.LegKgCo2e), FactorSetVersion = c.FactorSetVersion ?? "",
            FactorKgCo2EPerTonneKm = Text(c.FactorKgCo2ePerTonneKm), CargoTonnes = Text(c.CargoTonnes), ShipmentQuantity = Text(c.ShipmentQuantity),
            Withdrawn = c.Withdrawn,
        };
        if (c.ConsumedAmount is { } amount) proto.Consumed = new LineageQuantity { Amount = Text(amount), Unit = c.ConsumedUnit ?? "" };
        proto.Evidence.AddRange(c.Evidence);
        return proto;
    }


    private static WithdrawnEvidence ToProto(WithdrawnMark m)
    {
        var proto = new WithdrawnEvidence
        {
            RecordId = m.RecordId, Kind = (Protos.V1.RecordKind)(int)m.Kind, Reason = Reason(m.Reason), SupersededBy = m.SupersededBy ?? "", ViaBatchId = m.ViaBatchId,
        };
        proto.OpenFlags.AddRange(m.OpenFlags.Select(AssuranceProtoMapper.ToProto));
        return proto;
    }

    private static WithdrawalReason Reason(string? reason) => reason switch
    {
        "Revoked" => WithdrawalReason.Revoked,
        "Superseded" => WithdrawalReason.Superseded,
        "Flagged" => WithdrawalReason.Flagged,
        _ => WithdrawalReason.Unspecified,
    };

    private static LineageStanding Standing(string standing) => standing switch
    {
        "Verified" => LineageStanding.Verified,
        "Withdrawn" => LineageStanding.Withdrawn,
        _ => LineageStanding.Unconfirmed,
    };

    private static Citation ToProto(FootprintCitation c) => new()
    {
        RecordId = c.RecordId, Kind = (Protos.V1.RecordKind)(int)c.Kind,
        Role = c.Role switch
        {
            "Batch" => CitationRole.Batch,
            "Transformation" => CitationRole.Transformation,
            "Shipment" => CitationRole.Shipment,
            "FootprintDeclaration" => CitationRole.FootprintDeclaration,
            "CustomsCertificate" => CitationRole.CustomsCertificate,
            "DeclarationEvidence" => CitationRole.DeclarationEvidence,
            "FactorSet" => CitationRole.FactorSet,
            _ => CitationRole.EmissionEvidence,
        },
        Status = (Protos.V1.RecordStatus)(int)c.Status, Standing = Standing(c.Standing), WithdrawalReason = Reason(c.WithdrawalReason),
        Primary = c.Primary, BatchId = c.BatchId,
    };

    public static LineageNode ToProto(LineageGraphNode n) => new()
    {
        BatchId = n.BatchId, Depth = n.Depth, BatchRecordId = n.BatchRecordId, Producer = n.Producer, ProductName = n.ProductName,
        Quantity = new LineageQuantity { Amount = Text(n.Quantity), Unit = n.Unit }, TotalKgCo2E = Text(n.Total), KgCo2EPerUnit = Text(n.Total / n.Quantity),
        Basis = n.Declared ? FootprintBasis.Declared : FootprintBasis.Computed, ContributionKgCo2E = Text(n.Contribution),
        Standing = Standing(n.Standing), RestsOnWithdrawnEvidence = n.RestsOnWithdrawn, TransportNotReported = n.TransportNotReported,
        ProducedByTransformationId = n.ProducedBy ?? "", RestsOnFlaggedEvidence = n.RestsOnFlagged,
    };

    public static LineageEdge ToProto(LineageGraphEdge e) => new()
    {
        FromBatchId = e.FromBatchId, ToBatchId = e.ToBatchId, TransformationId = e.TransformationId, TransformationRecordId = e.TransformationRecordId,
        Quantity = new LineageQuantity { Amount = Text(e.Amount), Unit = e.Unit }, ShipmentId = e.ShipmentId ?? "", AllocationShare = Text(e.AllocationShare),
    };

    public static LineageShipment ToProto(LineageGraphShipment s) => new()
    {
        ShipmentId = s.ShipmentId, ShipmentRecordId = s.RecordId, BatchId = s.BatchId, Quantity = new LineageQuantity { Amount = Text(s.Amount), Unit = s.Unit },
        FromParticipant = s.FromParticipant, FromLocation = s.FromLocation ?? "", ToParticipant = s.ToParticipant, ToLocation = s.ToLocation ?? "",
        DrawsFromShipmentId = s.DrawsFrom ?? "", LegCount = (uint)s.LegCount,
    };
}
