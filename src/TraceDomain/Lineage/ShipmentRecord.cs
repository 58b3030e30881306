namespace Trace.Domain.Lineage;

/// <summary>A shipment (kind 18): a quantity of a batch moved between participants over zero or more legs.</summary>
/// <remarks>No legs means custody moved with transport not reported (marked in footprints, not counted as zero).</remarks>
public sealed record ShipmentRecord(
    string ShipmentId,
    string BatchId,
    Quantity Quantity,
    Quantity? CargoMass,
    string? DrawsFromShipmentId,
    ShipmentParty From,
    ShipmentParty To,
    Carrier? Carrier,
    IReadOnlyList<ShipmentLeg> Legs,
    IReadOnlyList<string> CustomsCertificates) : LineageRecord
{
    public override string Identifier => ShipmentId;

    /// <summary>The shipped mass in tonnes: <see cref="CargoMass"/>, else <see cref="Quantity"/>; null when neither is a mass.</summary>
    public decimal? CargoTonnes => CargoMass?.Tonnes ?? Quantity.Tonnes;

    /// <summary>The route plan this shipment followed (a DecideRoute answer's plan id, lower-case 0x-hex); null when none.</summary>
    public string? RoutePlanId { get; init; }

    public override IReadOnlyList<string> CitedRecordIds() =>
        Distinct(Legs.SelectMany(l => l.Measured?.Evidence ?? []).Concat(CustomsCertificates));
}
