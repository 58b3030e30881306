using Trace.Domain;

namespace Trace.Node.Storage;

/// <summary>One page of records and the opaque cursor of the next page (null on the last page).</summary>
public sealed record RecordPage(IReadOnlyList<EvidenceRecord> Items, string? NextCursor);
