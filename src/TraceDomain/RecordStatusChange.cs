namespace Trace.Domain;

/// <summary>One entry of the status change feed that watchers tail.</summary>
/// <param name="Sequence">Increasing position in the feed.</param>
/// <param name="RecordId">The record concerned.</param>
/// <param name="Change">What happened.</param>
/// <param name="Status">The record's status after the change.</param>
/// <param name="BatchId">The batch concerned, for anchoring changes.</param>
/// <param name="At">When the change was written.</param>
public sealed record RecordStatusChange(long Sequence, string RecordId, RecordChange Change, RecordStatus Status, long? BatchId, DateTimeOffset At);
