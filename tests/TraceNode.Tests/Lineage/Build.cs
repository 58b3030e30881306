using Trace.Domain.Lineage;

namespace Trace.Node.Tests.Lineage;

/// <summary>Builders for lineage records (domain model, as the record reader returns them).</summary>
internal static class Build
{
    public static Quantity Tonnes(decimal amount) => new(amount, MeasureUnit.Tonne);

    public static EmissionFigure Measured(decimal kg, params string[] evidence) => new(kg, EmissionMethod.Measured, evidence);

    public static EmissionFigure Calculated(decimal kg, params string[] evidence) => new(kg, EmissionMethod.Calculated, evidence);

    public static EmissionFigure Default(decimal kg) => new(kg, EmissionMethod.DefaultFactor, []);

    public static BatchRecord Batch(string id, Quantity quantity, EmissionFigure? scope1 = null, EmissionFigure? scope2 = null, string? supersedes = null) =>
        new(id, new ProductInfo("product " + id, null, null), quantity, null, null, new ScopeEmissions(scope1, scope2)) { Supersedes = supersedes };

    public static TransformationRecord Transformation(string id, TransformationInput[] inputs, TransformationOutput[] outputs,
        EmissionFigure? scope1 = null, EmissionFigure? scope2 = null, AllocationRule allocation = AllocationRule.Mass, string? supersedes = null) =>
        new(id, null, null, inputs, outputs, allocation, new ScopeEmissions(scope1, scope2)) { Supersedes = supersedes };

    public static TransformationInput In(string batchId, Quantity quantity, string? shipmentId = null) => new(batchId, quantity, shipmentId);

    public static TransformationOutput Out(string batchId, Quantity quantity, decimal? value = null) => new(batchId, quantity, value);

    public static ShipmentRecord Shipment(string id, string batchId, Quantity quantity, string from, string to, ShipmentLeg[]? legs = null,
        string? drawsFrom = null, string[]? customs = null, Carrier? carrier = null) =>
        new(id, batchId, quantity, null, drawsFrom, new ShipmentParty(from, "CNNGB"), new ShipmentParty(to, "NLRTM"), carrier, legs ?? [], customs ?? []);

    public static ShipmentLeg Leg(TransportMode mode, decimal km, EmissionFigure? measured = null) => new(mode, null, null, km, measured);

    public static FootprintDeclaration Declaration(string batchId, decimal pcfPerKg, decimal? primaryShare = null) =>
        new(batchId, null, "kilogram", MeasureUnit.Kilogram, 1m, pcfPerKg, null, primaryShare, null, []);
}
