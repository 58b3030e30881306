namespace Trace.Node.Carbon.Factors;

/// <summary>Whether and how far a factor set's record is anchored.</summary>
public enum FactorSetAnchoringState
{
    /// <summary>No record: no key that may issue, or the submission has not succeeded yet.</summary>
    NotAnchored = 1,

    /// <summary>Submitted, not yet in a mined block.</summary>
    Pending = 2,

    /// <summary>In a mined block.</summary>
    Anchored = 3,

    /// <summary>Confirmed to the configured depth.</summary>
    Confirmed = 4,

    /// <summary>Revoked or superseded on chain.</summary>
    Withdrawn = 5,
}
