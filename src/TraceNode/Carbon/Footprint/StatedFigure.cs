using Trace.Domain.Lineage;

namespace Trace.Node.Carbon.Footprint;

/// <summary>An emission figure a record states, with where it stands: primary or not, verified or not, withdrawn or not.</summary>
/// <param name="KgCo2e">The figure.</param>
/// <param name="Method">How it was obtained.</param>
/// <param name="RecordId">The record stating it.</param>
/// <param name="Evidence">Evidence record ids it cites.</param>
/// <param name="Verified">The record and every cited evidence record are CONFIRMED and none is withdrawn.</param>
/// <param name="Withdrawn">The record or a cited evidence record is withdrawn.</param>
public sealed record StatedFigure(decimal KgCo2e, EmissionMethod Method, string RecordId, IReadOnlyList<string> Evidence, bool Verified, bool Withdrawn)
{
    /// <summary>Measured or calculated.</summary>
    public bool IsPrimary => Method is EmissionMethod.Measured or EmissionMethod.Calculated;
}
