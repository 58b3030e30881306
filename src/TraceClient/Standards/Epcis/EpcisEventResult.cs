using Trace.Protos.V1;

namespace Trace.Client.Standards.Epcis;

/// <summary>
/// The outcome of one EPCIS event: its index in the document, id, type, GS1 event hash ID, what became of it and why, and
/// whether its own eventID is that hash ID (null when it has no eventID).
/// </summary>
public sealed record EpcisEventResult(
    int EventIndex,
    string? EventId,
    string EventType,
    string EventHash,
    EpcisEventDisposition Disposition,
    IReadOnlyList<string> SubjectIds,
    IReadOnlyList<string> Notes,
    bool? EventIdMatchesHash = null);
