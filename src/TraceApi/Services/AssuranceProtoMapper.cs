using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Trace.Domain.Assurance;
using Trace.Protos.V1;

namespace Trace.Api.Services;

/// <summary>Maps flags, endorsements and audit-trail events onto their trace.v1 messages.</summary>
internal static class AssuranceProtoMapper
{
    public static RegulatorFlag ToProto(RecordFlag f) => new()
    {
        RegulatorParticipantId = f.RegulatorParticipantId, FlaggedBy = f.FlaggedBy, Reason = (FlagReason)f.Reason,
        FlaggedAt = Timestamp.FromDateTimeOffset(f.FlaggedAt), BlockNumber = (ulong)f.BlockNumber, TxHash = ByteString.CopyFrom(f.TxHash),
        Note = f.Note ?? "", Uri = f.Uri ?? "",
    };

    public static Protos.V1.Endorsement ToProto(RecordEndorsement e) => new()
    {
        VerifierParticipantId = e.VerifierParticipantId, EndorsedBy = e.EndorsedBy, Code = (EndorsementCode)e.Code,
        EndorsedAt = Timestamp.FromDateTimeOffset(e.EndorsedAt), BlockNumber = (ulong)e.BlockNumber, TxHash = ByteString.CopyFrom(e.TxHash),
    };

    public static AuditTrailEvent ToProto(RegistryEvent e) => new()
    {
        Kind = (AuditEventKind)(int)e.Kind, At = Timestamp.FromDateTimeOffset(e.At), BlockNumber = (ulong)e.BlockNumber,
        BlockHash = ByteString.CopyFrom(e.BlockHash), TxHash = ByteString.CopyFrom(e.TxHash), LogIndex = (uint)e.LogIndex, Contract = e.Contract,
        Actor = e.Actor, ActorParticipantId = e.ActorParticipantId ?? "", ParticipantId = e.ParticipantId ?? "", RecordId = e.RecordId ?? "",
        SubjectId = e.SubjectId ?? "", MerkleRoot = e.MerkleRoot is null ? ByteString.Empty : ByteString.CopyFrom(e.MerkleRoot), Code = (uint)e.Code,
        Related = e.Related ?? "", DetailJson = e.DetailJson,
    };
}
