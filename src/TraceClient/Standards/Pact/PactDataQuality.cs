namespace Trace.Client.Standards.Pact;

/// <summary>
/// PACT primaryDataShare and data quality ratings (DQR, 1 best .. 3 worst) derived from a footprint's lineage, as
/// docs/pact.md defines them. With p = P/F (primary share) and v = V/F (verified share):
/// technological and geographical DQR = 3 − 2p (primary data are the site's own; default factors are generic),
/// temporal DQR = 2 − p (primary data are of the batch's own period; a default factor comes from a dated factor set),
/// completeness DQR = 1, or 2 when some input's transport was not reported, reliability DQR = 3 − p − v (1 when every
/// figure is primary and CONFIRMED on chain), 3 when the footprint rests on withdrawn evidence; coverage 100 % (Trace
/// knows how every figure of the footprint was obtained). Rounded to two decimals. Undefined when F = 0.
/// </summary>
public sealed record PactDataQuality(decimal PrimaryDataShare, decimal CoveragePercent, decimal TechnologicalDqr, decimal TemporalDqr,
    decimal GeographicalDqr, decimal CompletenessDqr, decimal ReliabilityDqr)
{
    /// <summary>The figures for a footprint of <paramref name="total"/> kgCO2e, or null when it is 0.</summary>
    public static PactDataQuality? Of(decimal total, decimal primary, decimal verified, bool transportNotReported, bool restsOnWithdrawn)
    {
        if (total <= 0m) return null;
        var p = Clamp01(primary / total);
        var v = Clamp01(verified / total);
        return new PactDataQuality(
            PrimaryDataShare: Math.Round(primary * 100m / total, 4, MidpointRounding.AwayFromZero),
            CoveragePercent: 100m,
            TechnologicalDqr: Rating(3m - 2m * p),
            TemporalDqr: Rating(2m - p),
            GeographicalDqr: Rating(3m - 2m * p),
            CompletenessDqr: transportNotReported ? 2m : 1m,
            ReliabilityDqr: restsOnWithdrawn ? 3m : Rating(3m - p - v));
    }

    private static decimal Clamp01(decimal x) => Math.Min(1m, Math.Max(0m, x));

    private static decimal Rating(decimal x) => Math.Min(3m, Math.Max(1m, Math.Round(x, 2, MidpointRounding.AwayFromZero)));
}
