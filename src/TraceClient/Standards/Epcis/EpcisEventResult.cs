using Trace.Protos.V1;

namespace Trace.Client.Standards.Epcis;

/// <summary>The outcome of one EPCIS event: its index in the document, id, type, hash, what became of it and why.</summary>
public sealed record EpcisEventResult(
    int EventIndex,
    string? EventId,
    string EventType,
    string EventHash,
    EpcisEventDisposition Disposition,
    IReadOnlyList<string> SubjectIds,
    IReadOnlyList<string> Notes);
