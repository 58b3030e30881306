using Trace.Domain;

namespace Trace.Node.Carbon.Factors;

/// <summary>A transport factor set with its standing on this node: active or not, and how far its record is anchored.</summary>
/// <param name="Set">The set (its <see cref="TransportFactorSet.RecordId"/> is the record it was submitted as).</param>
/// <param name="IsActive">True when new footprints use it.</param>
/// <param name="Anchoring">How far its record is anchored.</param>
/// <param name="NotAnchoredReason">Why it is not anchored, or null.</param>
/// <param name="RecordStatus">The record's status when there is a record.</param>
/// <param name="FirstActivatedAt">When this node first made it active; null when the index does not know yet.</param>
public sealed record FactorSetDescription(TransportFactorSet Set, bool IsActive, FactorSetAnchoringState Anchoring, string? NotAnchoredReason,
    RecordStatus? RecordStatus, DateTimeOffset? FirstActivatedAt);
