using Trace.Domain;
using Trace.Domain.Assurance;

namespace Trace.Node.Lineage.Propagation;

/// <summary>A withdrawn record a batch's footprint rests on, and the batch whose own figures cite it.</summary>
public sealed record WithdrawnMark(string RecordId, RecordKind Kind, string Reason, string? SupersededBy, string ViaBatchId)
{
    /// <summary>For reason "Flagged": the open regulator flags (who, when, why), when the reader loaded them.</summary>
    public IReadOnlyList<RecordFlag> OpenFlags { get; init; } = [];
}
