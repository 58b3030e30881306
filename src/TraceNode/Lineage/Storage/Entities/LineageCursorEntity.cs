namespace Trace.Node.Lineage.Storage.Entities;

/// <summary>How far a lineage follower has read the record status feed (restart-safe position).</summary>
public sealed class LineageCursorEntity
{
    /// <summary>The follower's name.</summary>
    public required string Name { get; set; }

    /// <summary>The last feed sequence applied.</summary>
    public long Sequence { get; set; }

    /// <summary>When the cursor last moved.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
