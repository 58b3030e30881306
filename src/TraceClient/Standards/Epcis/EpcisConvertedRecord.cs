using Trace.Protos.V1;

namespace Trace.Client.Standards.Epcis;

/// <summary>
/// An unsigned lineage record converted from an EPCIS event: the claim's kind and subject id and the record body without
/// its salt (<see cref="Claims.ClaimSigner.StructuredRecord"/> adds the salt and signs it with the supplier's key).
/// </summary>
public sealed record EpcisConvertedRecord(int EventIndex, string? EventId, string EventHash, RecordKind Kind, string SubjectId, string BodyJson);
