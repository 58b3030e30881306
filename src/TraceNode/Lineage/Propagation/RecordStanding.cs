using Trace.Domain;

namespace Trace.Node.Lineage.Propagation;

/// <summary>Where one record stands for the verified part: its status, and whether it is revoked, superseded on chain or flagged.</summary>
public sealed record RecordStanding(string RecordId, RecordKind Kind, RecordStatus Status, bool Revoked, string? SupersededBy, bool Flagged)
{
    /// <summary>Revoked, superseded on chain, or flagged.</summary>
    public bool Withdrawn => Revoked || Flagged;

    /// <summary>CONFIRMED and not withdrawn.</summary>
    public bool Verified => Status == RecordStatus.Confirmed && !Withdrawn;

    /// <summary>"Revoked", "Superseded" or "Flagged"; null when not withdrawn.</summary>
    public string? Reason => Flagged ? "Flagged" : !Revoked ? null : SupersededBy is null ? "Revoked" : "Superseded";
}
