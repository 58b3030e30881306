using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Trace.Domain.Assurance;
using Trace.Node.Indexing.Storage;
using Trace.Node.Storage;

namespace Trace.Node.Assurance;

/// <summary>
/// Reads the audit trail (every indexed registry event) oldest first, by block and log index, in keyset pages so a long
/// range streams in constant memory; each event gets the readable subject of its record when the index holds it.
/// </summary>
public sealed class AuditTrailReader(TraceStore store)
{
    private const int PageSize = 500;

    /// <summary>The events matching <paramref name="query"/>, at most its MaxEvents.</summary>
    public async IAsyncEnumerable<RegistryEvent> ReadAsync(AuditTrailQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var remaining = query.MaxEvents <= 0 ? AuditTrailQuery.DefaultMaxEvents : Math.Min(query.MaxEvents, AuditTrailQuery.MaxMaxEvents);
        long afterBlock = -1;
        var afterLog = -1;
        List<string>? subjectRecords = null;
        if (query.SubjectId is { } subject)
        {
            await using var db = store.OpenContext();
            subjectRecords = await db.Records.AsNoTracking().Where(r => r.Subject == subject).Select(r => r.Id).ToListAsync(ct).ConfigureAwait(false);
            if (subjectRecords.Count == 0) yield break;
        }
        while (remaining > 0)
        {
            List<RegistryEventEntity> page;
            Dictionary<string, string> subjects;
            await using (var db = store.OpenContext())
            {
                var events = Filter(db.RegistryEvents.AsNoTracking(), query, subjectRecords)
                    .Where(e => e.BlockNumber > afterBlock || (e.BlockNumber == afterBlock && e.LogIndex > afterLog));
                page = await events.OrderBy(e => e.BlockNumber).ThenBy(e => e.LogIndex).Take(Math.Min(PageSize, remaining)).ToListAsync(ct).ConfigureAwait(false);
                var ids = page.Where(e => e.RecordId is not null).Select(e => e.RecordId!).Distinct().ToList();
                subjects = ids.Count == 0 ? [] : await db.Records.AsNoTracking().Where(r => ids.Contains(r.Id))
                    .ToDictionaryAsync(r => r.Id, r => r.Subject, StringComparer.Ordinal, ct).ConfigureAwait(false);
            }
            foreach (var e in page)
            {
                yield return new RegistryEvent(e.Kind, e.At, e.BlockNumber, e.BlockHash, e.TxHash, e.LogIndex, e.Contract, e.Actor, e.ActorParticipantId,
                    e.ParticipantId, e.RecordId, e.RecordId is null ? null : subjects.GetValueOrDefault(e.RecordId), e.MerkleRoot, e.Code, e.Related, e.DetailJson);
            }
            remaining -= page.Count;
            if (page.Count < PageSize) yield break;
            (afterBlock, afterLog) = (page[^1].BlockNumber, page[^1].LogIndex);
        }
    }

    private static IQueryable<RegistryEventEntity> Filter(IQueryable<RegistryEventEntity> events, AuditTrailQuery query, List<string>? subjectRecords)
    {
        if (query.From is { } from)
        {
            var at = StorageTime.Normalize(from);
            events = events.Where(e => e.At >= at);
        }
        if (query.To is { } to)
        {
            var before = StorageTime.Normalize(to);
            events = events.Where(e => e.At < before);
        }
        if (query.ParticipantId is { } participant) events = events.Where(e => e.ParticipantId == participant || e.ActorParticipantId == participant);
        if (query.Kinds.Count > 0)
        {
            var kinds = query.Kinds.ToList();
            events = events.Where(e => kinds.Contains(e.Kind));
        }
        if (query.RecordId is { } recordId) events = events.Where(e => e.RecordId == recordId);
        if (subjectRecords is not null) events = events.Where(e => e.RecordId != null && subjectRecords.Contains(e.RecordId));
        if (query.Actor is { } actor) events = events.Where(e => e.Actor == actor);
        return events;
    }
}
