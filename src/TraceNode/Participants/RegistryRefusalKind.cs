namespace Trace.Node.Participants;

/// <summary>What a ParticipantRegistry revert means for the caller; the API maps each to one gRPC status.</summary>
public enum RegistryRefusalKind
{
    /// <summary>The id or key is taken (ALREADY_EXISTS).</summary>
    AlreadyExists,

    /// <summary>No such participant or key (NOT_FOUND).</summary>
    NotFound,

    /// <summary>The participant or key is not in the state the change needs (FAILED_PRECONDITION).</summary>
    FailedPrecondition,

    /// <summary>The sending key lacks the authority (PERMISSION_DENIED).</summary>
    PermissionDenied,

    /// <summary>An argument the registry refuses (INVALID_ARGUMENT).</summary>
    InvalidArgument,
}
