using Trace.Protos.V1;

namespace Trace.Client.Claims;

/// <summary>A structured record before salting and signing: a JSON object body about a subject.</summary>
public sealed record RecordDraft(string SubjectId, RecordKind Kind, string BodyJson, string? MetadataJson = null);
