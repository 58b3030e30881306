using Trace.Domain.Assurance;

namespace Trace.Node.Assurance;

/// <summary>Which audit-trail events to read; null filters do not filter, set ones must all match.</summary>
/// <param name="From">Block time at or after.</param>
/// <param name="To">Block time strictly before.</param>
/// <param name="ParticipantId">Directory form: matches the actor's participant or the participant the event is about.</param>
/// <param name="Kinds">Empty = every kind.</param>
/// <param name="RecordId">Claim digest, lower-case.</param>
/// <param name="SubjectId">Readable subject of records this index holds.</param>
/// <param name="Actor">EIP-55 address of the acting key.</param>
public sealed record AuditTrailQuery(
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? ParticipantId,
    IReadOnlyCollection<RegistryEventKind> Kinds,
    string? RecordId,
    string? SubjectId,
    string? Actor,
    int MaxEvents)
{
    /// <summary>Events per answer when the caller does not say.</summary>
    public const int DefaultMaxEvents = 10_000;

    /// <summary>Most events one answer may carry.</summary>
    public const int MaxMaxEvents = 100_000;
}
