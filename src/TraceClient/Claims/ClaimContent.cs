using Trace.Protos.V1;

namespace Trace.Client.Claims;

/// <summary>What one claim of a bulk signing says: the content's SHA-256, its kind and the subject it is about.</summary>
public sealed record ClaimContent(byte[] ContentHash, RecordKind Kind, string SubjectId);
