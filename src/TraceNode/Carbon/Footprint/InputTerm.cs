namespace Trace.Node.Carbon.Footprint;

/// <summary>
/// One input of a transformation: c_i consumed (in the input batch's unit), the input batch's quantity and its
/// materialised F, P and V, and the shipment it arrived by.
/// </summary>
public sealed record InputTerm(
    string BatchId,
    decimal Consumed,
    decimal StatedAmount,
    string StatedUnit,
    decimal InputQuantity,
    decimal InputFootprint,
    decimal InputPrimary,
    decimal InputVerified,
    ShipmentTerm? Shipment,
    bool InputRestsOnWithdrawn);
