using Trace.Domain;

namespace Trace.Node.Lineage.Propagation;

/// <summary>A withdrawn record a batch's footprint rests on, and the batch whose own figures cite it.</summary>
public sealed record WithdrawnMark(string RecordId, RecordKind Kind, string Reason, string? SupersededBy, string ViaBatchId);
