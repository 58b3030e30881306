namespace Trace.Node.Carbon.Footprint;

/// <summary>
/// The roll-up of docs/lineage.md, in decimal, for one batch from its own records and its inputs' materialised
/// figures (never walking further upstream):
/// <code>
/// U(S)     = E(S) / q(S) + U(parent(S))                       (0 without a shipment)
/// Total(T) = s1(T) + s2(T) + Σ_i [ c_i·F(in_i)/Q(in_i) + c_i·U(S_i) ]
/// F(b)     = own(b) + w_b·Total(T) / Σ_o w_o                   (own(b) + Total(T) for a single output)
/// F(b)     = D(b)                                              (declared)
/// </code>
/// Evaluation order, so an auditor reproduces every digit: products before divisions (c·F/Q as (c·F)/Q; the share
/// as (w·Total)/W), sums left to right in record order (s1 + s2 first, then inputs in order, each input's
/// c·F/Q before its c·U). P(b) and V(b) follow the same recurrence over primary / verified figures only.
/// </summary>
public static class FootprintCalculator
{
    /// <summary>Computes F, P, V and the components of one batch.</summary>
    public static FootprintResult Compute(FootprintInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var components = new List<FootprintComponent>();
        var planned = new List<PlannedTransport>();
        if (input.Declared is { } declared)
        {
            components.Add(new FootprintComponent
            {
                Stage = FootprintStage.Declared, KgCo2e = declared.KgCo2e, PrimaryKgCo2e = declared.PrimaryKgCo2e,
                VerifiedKgCo2e = declared.Verified ? declared.KgCo2e : 0m, Declared = true, RecordId = declared.RecordId,
                Evidence = declared.Evidence, Withdrawn = declared.Withdrawn,
            });
            return new FootprintResult(declared.KgCo2e, declared.PrimaryKgCo2e, declared.Verified ? declared.KgCo2e : 0m, components);
        }

        var own = Own(input.OwnScope1, FootprintStage.OwnScope1, components) + Own(input.OwnScope2, FootprintStage.OwnScope2, components);
        var ownPrimary = PrimaryOf(input.OwnScope1) + PrimaryOf(input.OwnScope2);
        var ownVerified = VerifiedOf(input.OwnScope1) + VerifiedOf(input.OwnScope2);
        if (input.Process is not { } process) return new FootprintResult(own, ownPrimary, ownVerified, components);

        var total = (process.Scope1?.KgCo2e ?? 0m) + (process.Scope2?.KgCo2e ?? 0m);
        var primary = PrimaryOf(process.Scope1) + PrimaryOf(process.Scope2);
        var verified = VerifiedOf(process.Scope1) + VerifiedOf(process.Scope2);
        var share = process.TakesAll ? 1m : process.Weight / process.TotalWeight;
        Allocated(process, process.Scope1, FootprintStage.ProcessScope1, share, components);
        Allocated(process, process.Scope2, FootprintStage.ProcessScope2, share, components);
        foreach (var term in process.Inputs)
        {
            total += term.Consumed * term.InputFootprint / term.InputQuantity + term.Consumed * U(term.Shipment, s => s.LegsKgCo2e);
            primary += term.Consumed * term.InputPrimary / term.InputQuantity + term.Consumed * U(term.Shipment, s => s.LegsPrimaryKgCo2e);
            verified += term.Consumed * term.InputVerified / term.InputQuantity + term.Consumed * U(term.Shipment, s => s.LegsVerifiedKgCo2e);
            InputComponents(process, term, share, components);
            PlannedAgainstRecorded(process, term, planned);
        }
        return new FootprintResult(own + Allocate(process, total), ownPrimary + Allocate(process, primary), ownVerified + Allocate(process, verified), components)
        {
            PlannedTransport = planned,
        };
    }

    /// <summary>w·x/W, or x itself when the batch takes the whole.</summary>
    private static decimal Allocate(ProcessTerm process, decimal amount) =>
        process.TakesAll ? amount : process.Weight * amount / process.TotalWeight;

    // U(S) = E(S)/q(S) + U(parent(S)).
    private static decimal U(ShipmentTerm? shipment, Func<ShipmentTerm, decimal> legs) =>
        shipment is null ? 0m : legs(shipment) / shipment.Quantity + U(shipment.Parent, legs);

    private static decimal PrimaryOf(StatedFigure? figure) => figure is { IsPrimary: true } ? figure.KgCo2e : 0m;

    private static decimal VerifiedOf(StatedFigure? figure) => figure is { Verified: true } ? figure.KgCo2e : 0m;

    private static decimal Own(StatedFigure? figure, FootprintStage stage, List<FootprintComponent> components)
    {
        if (figure is null) return 0m;
        components.Add(new FootprintComponent
        {
            Stage = stage, KgCo2e = figure.KgCo2e, PrimaryKgCo2e = PrimaryOf(figure), VerifiedKgCo2e = VerifiedOf(figure),
            Method = figure.Method, RecordId = figure.RecordId, Evidence = figure.Evidence, Withdrawn = figure.Withdrawn,
        });
        return figure.KgCo2e;
    }

    private static void Allocated(ProcessTerm process, StatedFigure? figure, FootprintStage stage, decimal share, List<FootprintComponent> components)
    {
        if (figure is null) return;
        components.Add(new FootprintComponent
        {
            Stage = stage, KgCo2e = Allocate(process, figure.KgCo2e), PrimaryKgCo2e = Allocate(process, PrimaryOf(figure)),
            VerifiedKgCo2e = Allocate(process, VerifiedOf(figure)), Method = figure.Method, RecordId = figure.RecordId,
            Evidence = figure.Evidence, TransformationId = process.TransformationId, AllocationShare = share, Withdrawn = figure.Withdrawn,
        });
    }

    // Each shipment on the input's way that followed a plan: P(S) and E(S), and this batch's share of each, evaluated
    // like a transport-leg component (w·(c·x/q)/W).
    private static void PlannedAgainstRecorded(ProcessTerm process, InputTerm term, List<PlannedTransport> planned)
    {
        if (term.Shipment is null) return;
        foreach (var shipment in term.Shipment.Chain())
        {
            if (shipment.Plan is not { } plan) continue;
            planned.Add(new PlannedTransport
            {
                InputBatchId = term.BatchId, TransformationId = process.TransformationId, ShipmentId = term.Shipment.ShipmentId,
                PlannedShipmentId = shipment.ShipmentId, ShipmentRecordId = shipment.RecordId, PlanId = plan.PlanId,
                DeadlineDays = plan.DeadlineDays, PlannedDays = plan.PlannedDays, CargoTonnes = plan.CargoTonnes, ShipmentQuantity = shipment.Quantity,
                PlannedShipmentKgCo2e = plan.KgCo2e, RecordedShipmentKgCo2e = shipment.LegsKgCo2e,
                PlannedKgCo2e = Allocate(process, term.Consumed * plan.KgCo2e / shipment.Quantity),
                RecordedKgCo2e = Allocate(process, term.Consumed * shipment.LegsKgCo2e / shipment.Quantity),
            });
        }
    }

    private static void InputComponents(ProcessTerm process, InputTerm term, decimal share, List<FootprintComponent> components)
    {
        components.Add(new FootprintComponent
        {
            Stage = FootprintStage.Input,
            KgCo2e = Allocate(process, term.Consumed * term.InputFootprint / term.InputQuantity),
            PrimaryKgCo2e = Allocate(process, term.Consumed * term.InputPrimary / term.InputQuantity),
            VerifiedKgCo2e = Allocate(process, term.Consumed * term.InputVerified / term.InputQuantity),
            RecordId = process.RecordId, TransformationId = process.TransformationId, AllocationShare = share,
            InputBatchId = term.BatchId, ConsumedAmount = term.StatedAmount, ConsumedUnit = term.StatedUnit,
            InputKgCo2ePerUnit = term.InputFootprint / term.InputQuantity, ShipmentId = term.Shipment?.ShipmentId,
            Withdrawn = term.InputRestsOnWithdrawn,
        });
        if (term.Shipment is null) return;
        foreach (var shipment in term.Shipment.Chain())
            foreach (var leg in shipment.Legs)
                components.Add(new FootprintComponent
                {
                    Stage = FootprintStage.TransportLeg,
                    KgCo2e = Allocate(process, term.Consumed * leg.KgCo2e / shipment.Quantity),
                    PrimaryKgCo2e = leg.IsPrimary ? Allocate(process, term.Consumed * leg.KgCo2e / shipment.Quantity) : 0m,
                    VerifiedKgCo2e = leg.Verified ? Allocate(process, term.Consumed * leg.KgCo2e / shipment.Quantity) : 0m,
                    Method = leg.Method, RecordId = shipment.RecordId, Evidence = leg.Evidence,
                    TransformationId = process.TransformationId, AllocationShare = share, InputBatchId = term.BatchId,
                    ConsumedAmount = term.StatedAmount, ConsumedUnit = term.StatedUnit, ShipmentId = term.Shipment.ShipmentId,
                    LegShipmentId = shipment.ShipmentId, LegIndex = leg.Index, Mode = leg.Mode, DistanceKm = leg.DistanceKm,
                    LegKgCo2e = leg.KgCo2e, FactorSetVersion = leg.FactorSetVersion, FactorKgCo2ePerTonneKm = leg.FactorKgCo2ePerTonneKm,
                    CargoTonnes = leg.CargoTonnes, ShipmentQuantity = shipment.Quantity, Withdrawn = leg.Withdrawn,
                });
    }
}
