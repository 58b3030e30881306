namespace Trace.Domain;

/// <summary>Where a record is on its way to the chain.</summary>
/// <remarks>
/// There is no "failed" state on purpose: an accepted claim is never dropped. A batch whose
/// transaction fails or is reorganised away is sent again, and its records stay or fall back to
/// <see cref="Pending"/> until their root is on chain. Revocation and supersession are facts of
/// their own (see the record's revocation fields), not statuses, because a revoked record was
/// still anchored.
/// </remarks>
public enum RecordStatus
{
    /// <summary>Accepted and durably queued; not yet in a mined transaction.</summary>
    Pending = 1,

    /// <summary>Its batch root is in a mined block that is not yet final enough.</summary>
    Anchored = 2,

    /// <summary>Its batch root has the configured number of confirmations.</summary>
    Confirmed = 3,
}
