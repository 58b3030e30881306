namespace Trace.Domain;

/// <summary>What happened to a record, as written to the status change feed that watchers tail.</summary>
public enum RecordChange
{
    /// <summary>The signed claim was accepted and queued (status Pending).</summary>
    Accepted = 1,

    /// <summary>Its batch was mined (status Anchored).</summary>
    Anchored = 2,

    /// <summary>Its batch reached the confirmation depth (status Confirmed).</summary>
    Confirmed = 3,

    /// <summary>Its batch's block was reorganised away; it waits to be anchored again (status Pending).</summary>
    Unanchored = 4,

    /// <summary>The issuer revoked it on chain.</summary>
    Revoked = 5,

    /// <summary>The issuer superseded it with another record on chain.</summary>
    Superseded = 6,

    /// <summary>A regulator opened a flag on it (or the unflag that closed one was reorganised away).</summary>
    Flagged = 7,

    /// <summary>A regulator closed its flag on it (or the flag's block was reorganised away).</summary>
    Unflagged = 8,

    /// <summary>A verifier endorsed it.</summary>
    Endorsed = 9,

    /// <summary>A revocation, supersession or endorsement of it was in blocks reorganised away.</summary>
    Reorganised = 10,
}
