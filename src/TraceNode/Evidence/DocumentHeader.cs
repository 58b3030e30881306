using Trace.Domain;

namespace Trace.Node.Evidence;

/// <summary>The header of a document upload: the signed claim plus descriptive metadata.</summary>
public sealed record DocumentHeader(SubmittedClaim Claim, string? MediaType, string? FileName, ulong DeclaredLength, string? MetadataJson);
