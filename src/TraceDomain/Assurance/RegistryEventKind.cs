namespace Trace.Domain.Assurance;

/// <summary>What a registry event was, as the audit trail names it (numbers equal trace.v1.AuditEventKind).</summary>
public enum RegistryEventKind
{
    /// <summary>EvidenceRegistry BatchAnchored.</summary>
    BatchAnchored = 1,

    /// <summary>EvidenceRegistry ClaimRevoked.</summary>
    RecordRevoked = 2,

    /// <summary>EvidenceRegistry ClaimSuperseded.</summary>
    RecordSuperseded = 3,

    /// <summary>EvidenceRegistry ClaimEndorsed.</summary>
    RecordEndorsed = 4,

    /// <summary>EvidenceRegistry ClaimFlagged.</summary>
    RecordFlagged = 5,

    /// <summary>EvidenceRegistry ClaimUnflagged.</summary>
    RecordUnflagged = 6,

    /// <summary>ParticipantRegistry ParticipantRegistered.</summary>
    ParticipantRegistered = 7,

    /// <summary>ParticipantRegistry ParticipantMetadataUpdated.</summary>
    ParticipantMetadataUpdated = 8,

    /// <summary>ParticipantRegistry ParticipantSuspended.</summary>
    ParticipantSuspended = 9,

    /// <summary>ParticipantRegistry ParticipantReactivated.</summary>
    ParticipantReactivated = 10,

    /// <summary>ParticipantRegistry RolesGranted.</summary>
    RolesGranted = 11,

    /// <summary>ParticipantRegistry RolesRevoked.</summary>
    RolesRevoked = 12,

    /// <summary>ParticipantRegistry KeyAdded.</summary>
    KeyAdded = 13,

    /// <summary>ParticipantRegistry KeyRetired.</summary>
    KeyRetired = 14,

    /// <summary>ParticipantRegistry AccessControl RoleGranted (a registry admin).</summary>
    AdminGranted = 15,

    /// <summary>ParticipantRegistry AccessControl RoleRevoked (a registry admin).</summary>
    AdminRevoked = 16,
}
