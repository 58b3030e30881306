namespace Trace.Node.Carbon.Footprint;

/// <summary>A shipment on an input's way: q(S) in the batch's unit, its legs, and the shipment it drew from (null at the first hand).</summary>
public sealed record ShipmentTerm(string ShipmentId, string RecordId, string BatchId, decimal Quantity, IReadOnlyList<TransportLegTerm> Legs, ShipmentTerm? Parent)
{
    /// <summary>The route plan the shipment followed; null when it cites none.</summary>
    public RoutePlanTerm? Plan { get; init; }

    /// <summary>E(S) = Σ legs.</summary>
    public decimal LegsKgCo2e => Sum(Legs, _ => true);

    /// <summary>Primary part of E(S).</summary>
    public decimal LegsPrimaryKgCo2e => Sum(Legs, l => l.IsPrimary);

    /// <summary>Verified part of E(S).</summary>
    public decimal LegsVerifiedKgCo2e => Sum(Legs, l => l.Verified);

    /// <summary>This shipment and the ones it drew from, nearest first.</summary>
    public IEnumerable<ShipmentTerm> Chain()
    {
        for (var s = this; s is not null; s = s.Parent) yield return s;
    }

    private static decimal Sum(IReadOnlyList<TransportLegTerm> legs, Func<TransportLegTerm, bool> include)
    {
        var total = 0m;
        foreach (var leg in legs) if (include(leg)) total += leg.KgCo2e;
        return total;
    }
}
