using System.Globalization;
using Trace.Protos.V1;

namespace Trace.Api.Provenance;

/// <summary>How the page prints figures, units, kinds and stages (decimal throughout, invariant culture).</summary>
internal static class Figures
{
    /// <summary>Parses a proto decimal string; 0 for the empty string (a figure that does not exist).</summary>
    public static decimal Parse(string text) => text.Length == 0 ? 0m : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>A kgCO2e figure for people: 3 decimals from 1 up, 4 significant digits below.</summary>
    public static string Kg(decimal value)
    {
        var abs = Math.Abs(value);
        if (abs >= 1 || abs == 0) return Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("#,##0.###", CultureInfo.InvariantCulture);
        var decimals = 3 - (int)Math.Floor(Math.Log10((double)abs)); // display only: the figure itself stays decimal
        return Math.Round(value, Math.Min(decimals, 28), MidpointRounding.AwayFromZero).ToString("0.############################", CultureInfo.InvariantCulture);
    }

    /// <summary>A share (0..1 as a decimal string) as a percentage with one decimal; "n/a" when it does not exist.</summary>
    public static string Percent(string share) => share.Length == 0 ? "n/a"
        : Math.Round(Parse(share) * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A UN/ECE Rec 20 unit as people write it.</summary>
    public static string Unit(string code) => code switch
    {
        "KGM" => "kg", "GRM" => "g", "TNE" => "t", "LBR" => "lb", "LTR" => "L", "MTQ" => "m³", "KWH" => "kWh",
        "3B" => "batch", "H87" => "piece", "MTR" => "m", "MTK" => "m²", _ => code,
    };

    public static string Kind(RecordKind kind) => kind switch
    {
        RecordKind.SupplierEsgFile => "Supplier ESG file",
        RecordKind.EnvironmentalImpactReport => "Environmental impact report",
        RecordKind.CustomsEnvironmentalCertificate => "Customs environmental certificate",
        RecordKind.TransportRecord => "Transport record",
        RecordKind.EnergyReading => "Energy / meter reading",
        RecordKind.Certification => "Certification",
        RecordKind.ProductCarbonFootprint => "Product carbon footprint declaration",
        RecordKind.Batch => "Batch record",
        RecordKind.Transformation => "Transformation record",
        RecordKind.Shipment => "Shipment record",
        _ => "Other record",
    };

    public static string Role(CitationRole role) => role switch
    {
        CitationRole.Batch => "batch",
        CitationRole.Transformation => "production step",
        CitationRole.Shipment => "shipment",
        CitationRole.FootprintDeclaration => "footprint declaration",
        CitationRole.EmissionEvidence => "emission evidence",
        CitationRole.CustomsCertificate => "customs certificate",
        CitationRole.DeclarationEvidence => "declaration evidence",
        CitationRole.FactorSet => "emission factor set",
        _ => "record",
    };

    public static string Stage(FootprintComponent c, IReadOnlyDictionary<string, string> productNames) => c.Stage switch
    {
        FootprintStage.OwnScope1 => "Own operations, scope 1",
        FootprintStage.OwnScope2 => "Own operations, scope 2 (energy)",
        FootprintStage.ProcessScope1 => "Production step, scope 1",
        FootprintStage.ProcessScope2 => "Production step, scope 2 (energy)",
        FootprintStage.Input => "Input: " + productNames.GetValueOrDefault(c.InputBatchId, c.InputBatchId),
        FootprintStage.TransportLeg => $"Transport: {c.Mode} {Kg(Parse(c.DistanceKm))} km",
        FootprintStage.Declared => "Declared footprint",
        _ => "Other",
    };

    /// <summary>The scope a stage counts in, from the producer's point of view.</summary>
    public static string Scope(FootprintStage stage) => stage switch
    {
        FootprintStage.OwnScope1 or FootprintStage.ProcessScope1 => "Scope 1",
        FootprintStage.OwnScope2 or FootprintStage.ProcessScope2 => "Scope 2",
        FootprintStage.Input or FootprintStage.TransportLeg => "Scope 3",
        _ => "Declared",
    };

    public static string FlagReason(Protos.V1.FlagReason reason) => reason switch
    {
        Protos.V1.FlagReason.SuspectedFalseData => "suspected false data",
        Protos.V1.FlagReason.InconsistentWithOtherRecords => "inconsistent with other records",
        Protos.V1.FlagReason.UnderInvestigation => "under investigation",
        Protos.V1.FlagReason.MissingSupportingEvidence => "missing supporting evidence",
        _ => "other reason",
    };

    public static string Endorsement(EndorsementCode code) => code switch
    {
        EndorsementCode.ReasonableAssurance => "reasonable assurance",
        EndorsementCode.LimitedAssurance => "limited assurance",
        EndorsementCode.DataReview => "data review",
        _ => "endorsed",
    };

    /// <summary>Shortens a long identifier for a label (the full one goes in a title).</summary>
    public static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
