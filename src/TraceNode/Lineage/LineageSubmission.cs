using Trace.Domain;
using Trace.Domain.Lineage;

namespace Trace.Node.Lineage;

/// <summary>A structured lineage record being submitted: the parsed record and the validated claim's facts that lineage needs.</summary>
/// <param name="RecordId">The claim digest ("0x" + 64 hex), the id the record gets.</param>
/// <param name="Issuer">The issuer's address (EIP-55), whose signature and standing were checked.</param>
public sealed record LineageSubmission(LineageRecord Record, RecordKind Kind, string RecordId, string Issuer, string SubjectId, DateTimeOffset IssuedAt);
