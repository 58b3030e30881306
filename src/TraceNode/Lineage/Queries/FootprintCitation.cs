using Trace.Domain;

namespace Trace.Node.Lineage.Queries;

/// <summary>A record a footprint cites: kind, role, status and standing, and the batch whose figures cite it.</summary>
/// <param name="Role">Batch, Transformation, Shipment, FootprintDeclaration, EmissionEvidence, CustomsCertificate, DeclarationEvidence or FactorSet.</param>
/// <param name="Standing">Verified, Unconfirmed or Withdrawn.</param>
/// <param name="WithdrawalReason">Revoked, Superseded or Flagged when withdrawn.</param>
public sealed record FootprintCitation(string RecordId, RecordKind Kind, string Role, RecordStatus Status, string Standing, string? WithdrawalReason, bool Primary, string BatchId);
