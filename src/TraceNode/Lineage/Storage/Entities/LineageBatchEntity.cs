namespace Trace.Node.Lineage.Storage.Entities;

/// <summary>A declared batch: the current batch record's figures, how much of it is used, and its materialised footprint.</summary>
public sealed class LineageBatchEntity
{
    /// <summary>The batch identifier (GS1 Digital Link URI, EPC URN, other URN).</summary>
    public required string BatchId { get; set; }

    /// <summary>The GTIN-14 of the product (from the identifier or the record's product.gtin); null when neither carries one.</summary>
    public string? Gtin { get; set; }

    /// <summary>The lot (AI 10) from a GS1 Digital Link or EPC lgtin identifier; null for other identifiers.</summary>
    public string? Lot { get; set; }

    /// <summary>The current batch record.</summary>
    public required string RecordId { get; set; }

    /// <summary>Issuer of the batch record (EIP-55).</summary>
    public required string Producer { get; set; }

    /// <summary>Product name.</summary>
    public required string ProductName { get; set; }

    /// <summary>Rec 20 unit code of <see cref="Quantity"/>.</summary>
    public required string Unit { get; set; }

    /// <summary>Q(b).</summary>
    public decimal Quantity { get; set; }

    /// <summary>Own scope 1 figure, kgCO2e; null when not stated.</summary>
    public decimal? Scope1 { get; set; }

    /// <summary>Method of <see cref="Scope1"/>.</summary>
    public string? Scope1Method { get; set; }

    /// <summary>Own scope 2 figure, kgCO2e; null when not stated.</summary>
    public decimal? Scope2 { get; set; }

    /// <summary>Method of <see cref="Scope2"/>.</summary>
    public string? Scope2Method { get; set; }

    /// <summary>The current transformation producing this batch; null when none.</summary>
    public string? ProducedBy { get; set; }

    /// <summary>The current footprint declaration record; null when none.</summary>
    public string? DeclarationRecordId { get; set; }

    /// <summary>Declared footprint D(b) in kgCO2e; null when not declared.</summary>
    public decimal? Declared { get; set; }

    /// <summary>Primary part of the declared footprint (D × primaryDataShare / 100).</summary>
    public decimal? DeclaredPrimary { get; set; }

    /// <summary>Drawn from this batch directly: the producer's own consumption plus first-hand shipments, in <see cref="Unit"/>.</summary>
    public decimal Consumed { get; set; }

    /// <summary>F(b), kgCO2e (materialised).</summary>
    public decimal Footprint { get; set; }

    /// <summary>P(b), the primary part (materialised).</summary>
    public decimal Primary { get; set; }

    /// <summary>V(b), the verified part (materialised).</summary>
    public decimal Verified { get; set; }

    /// <summary>The breakdown of F(b) as JSON (components with their records).</summary>
    public string ComponentsJson { get; set; } = "[]";

    /// <summary>Planned against recorded transport of shipments that followed a route plan, as JSON; null when none.</summary>
    public string? PlannedTransportJson { get; set; }

    /// <summary>Shipments of the batch's own inputs without legs, as JSON; null when none.</summary>
    public string? TransportNotReportedJson { get; set; }

    /// <summary>True when some batch upstream has transport not reported.</summary>
    public bool TransportNotReportedUpstream { get; set; }

    /// <summary>Factor set versions used here or upstream, as a JSON array; null when none.</summary>
    public string? FactorVersionsJson { get; set; }

    /// <summary>True when the footprint rests on withdrawn evidence (marks in <see cref="LineageWithdrawnMarkEntity"/>).</summary>
    public bool RestsOnWithdrawn { get; set; }

    /// <summary>Standing of this batch's own records and their evidence (Verified, Unconfirmed, Withdrawn).</summary>
    public string Standing { get; set; } = "Unconfirmed";

    /// <summary>When the figures were last computed.</summary>
    public DateTimeOffset ComputedAt { get; set; }

    /// <summary>When the verified part and marks were last brought up to date.</summary>
    public DateTimeOffset VerifiedAt { get; set; }
}
