namespace Trace.Node.Decisions.Lanes;

/// <summary>A carrier tried to write or delete a lane that belongs to the operator or to another carrier.</summary>
public sealed class LaneOwnershipException(string field, string laneId, string owner)
    : Exception($"{field}: lane \"{laneId}\" belongs to {(owner == Lane.OperatorOwner ? "the operator" : "another carrier")}; a carrier writes only its own lanes")
{
    public string LaneId { get; } = laneId;
}
