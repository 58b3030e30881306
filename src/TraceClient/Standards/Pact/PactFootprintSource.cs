namespace Trace.Client.Standards.Pact;

/// <summary>
/// A batch's footprint as Trace computed (or a supplier declared) it, with everything a PACT ProductFootprint and the
/// Trace lineage extension carry. Built by the node from its materialised lineage; pure data, so the mapping to PACT
/// lives in the client library and a buyer can reproduce it.
/// </summary>
public sealed record PactFootprintSource
{
    /// <summary>The ProductFootprint id (a UUID Trace derives from the batch id, stable across recomputations).</summary>
    public required Guid Id { get; init; }

    /// <summary>The batch identifier (GS1 Digital Link URI, EPC URN, other URN).</summary>
    public required string BatchId { get; init; }

    /// <summary>The batch's current batch record.</summary>
    public required string BatchRecordId { get; init; }

    /// <summary>The batch producer's address (EIP-55): the data owner.</summary>
    public required string Producer { get; init; }

    /// <summary>The data owner's name as the node operator configured it; the address when none.</summary>
    public string? CompanyName { get; init; }

    /// <summary>Product name from the batch record.</summary>
    public required string ProductName { get; init; }

    /// <summary>GTIN-14 of the product, when the batch record or identifier carries one.</summary>
    public string? Gtin { get; init; }

    /// <summary>EU Combined Nomenclature code from the batch record, when given.</summary>
    public string? CnCode { get; init; }

    /// <summary>Batch quantity Q(b).</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Rec 20 code of <see cref="Quantity"/>.</summary>
    public required string Unit { get; init; }

    /// <summary>F(b), kgCO2e for the whole batch.</summary>
    public required decimal TotalKgCo2e { get; init; }

    /// <summary>P(b): the part resting on primary data (measured, calculated, a declaration × its primaryDataShare).</summary>
    public required decimal PrimaryKgCo2e { get; init; }

    /// <summary>V(b): the part whose records and evidence are CONFIRMED on chain and not withdrawn.</summary>
    public required decimal VerifiedKgCo2e { get; init; }

    /// <summary>Scope 1, 2 and 3 parts (computed batches).</summary>
    public decimal Scope1KgCo2e { get; init; }

    /// <inheritdoc cref="Scope1KgCo2e"/>
    public decimal Scope2KgCo2e { get; init; }

    /// <inheritdoc cref="Scope1KgCo2e"/>
    public decimal Scope3KgCo2e { get; init; }

    /// <summary>True when the batch's footprint is a supplier's declaration (kind 7), not computed by Trace.</summary>
    public bool Declared { get; init; }

    /// <summary>The declaration record, for a declared batch.</summary>
    public string? DeclarationRecordId { get; init; }

    /// <summary>The declaration's own pcf object (PACT v2 member names, decimal strings), for a declared batch: its other figures are carried over.</summary>
    public IReadOnlyDictionary<string, string>? DeclaredPcf { get; init; }

    /// <summary>Reference period of the figures: the batch's production period, else the producing transformation's; null when neither says.</summary>
    public DateTimeOffset? PeriodStart { get; init; }

    /// <inheritdoc cref="PeriodStart"/>
    public DateTimeOffset? PeriodEnd { get; init; }

    /// <summary>When the batch record was issued (the footprint's "created").</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>When the figures were last computed (the footprint's "updated").</summary>
    public required DateTimeOffset ComputedAt { get; init; }

    /// <summary>When the verified part and marks were last brought up to date.</summary>
    public required DateTimeOffset VerificationAsOf { get; init; }

    /// <summary>Transport legs not reported on some input (own inputs or upstream).</summary>
    public bool TransportNotReported { get; init; }

    /// <summary>Records upstream withdrawn (revoked, superseded without correction, flagged).</summary>
    public IReadOnlyList<string> WithdrawnRecordIds { get; init; } = [];

    /// <summary>Factor set versions used here or upstream.</summary>
    public IReadOnlyList<string> FactorSetVersions { get; init; } = [];

    /// <summary>Each part of the footprint with the record it comes from.</summary>
    public IReadOnlyList<PactFigure> Figures { get; init; } = [];

    /// <summary>Every record the figures rest on, with its status and standing.</summary>
    public IReadOnlyList<PactCitation> Citations { get; init; } = [];

    /// <summary>EIP-155 chain id the records are anchored on.</summary>
    public ulong ChainId { get; init; }

    /// <summary>EvidenceRegistry address (EIP-55) on that chain; null while the contracts are not deployed.</summary>
    public string? EvidenceRegistry { get; init; }
}
