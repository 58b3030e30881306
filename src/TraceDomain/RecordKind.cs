namespace Trace.Domain;

/// <summary>What a record is; the numeric value is the <c>uint8 kind</c> signed in the EIP-712 claim.</summary>
/// <remarks>The codes are part of every signed claim, so they never change; new kinds take new numbers.</remarks>
public enum RecordKind : byte
{
    /// <summary>A supplier's ESG file (questionnaire, sustainability report).</summary>
    SupplierEsgFile = 1,

    /// <summary>An environmental impact report (LCA study, site impact assessment).</summary>
    EnvironmentalImpactReport = 2,

    /// <summary>An environmental certificate issued at customs clearance (e.g. CBAM-relevant import documents).</summary>
    CustomsEnvironmentalCertificate = 3,

    /// <summary>A transport record (consignment note, GLEC / ISO 14083 leg emissions).</summary>
    TransportRecord = 4,

    /// <summary>An energy or meter reading.</summary>
    EnergyReading = 5,

    /// <summary>A certification (ISO 14001 / 50001, RoHS, EPD).</summary>
    Certification = 6,

    /// <summary>A product carbon footprint declaration (PACT ProductFootprint).</summary>
    ProductCarbonFootprint = 7,

    /// <summary>Any other document.</summary>
    Other = 8,

    /// <summary>Lineage: a batch of one product in a declared unit.</summary>
    Batch = 16,

    /// <summary>Lineage: a transformation consuming input batches into output batches.</summary>
    Transformation = 17,

    /// <summary>Lineage: a shipment of a quantity of a batch between two parties.</summary>
    Shipment = 18,
}
