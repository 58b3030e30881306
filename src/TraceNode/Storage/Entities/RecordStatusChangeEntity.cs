using Trace.Domain;

namespace Trace.Node.Storage.Entities;

/// <summary>One entry of the status change feed, written in the same transaction as the change it reports.</summary>
/// <remarks>Watchers on any API instance tail this table by <see cref="Sequence"/>, so status streams work behind a load balancer.</remarks>
public sealed class RecordStatusChangeEntity
{
    /// <summary>Store-generated, increasing position in the feed.</summary>
    public long Sequence { get; set; }

    /// <summary>The record concerned.</summary>
    public required string RecordId { get; set; }

    /// <summary>What happened.</summary>
    public RecordChange Change { get; set; }

    /// <summary>The record's status after the change.</summary>
    public RecordStatus Status { get; set; }

    /// <summary>The batch concerned, for anchoring changes.</summary>
    public long? BatchId { get; set; }

    /// <summary>When the change was written.</summary>
    public DateTimeOffset At { get; set; }
}
