using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Trace.Client.Verification;
using Trace.Crypto;
using Trace.Domain;
using Proto = Trace.Protos.V1;

namespace Trace.Api.Services;

/// <summary>Converts between the evidence proto messages and the engine's types.</summary>
internal static class EvidenceProtoMapper
{
    public static SubmittedClaim ToInput(Proto.SignedClaim? signed, string subjectId, string fieldPrefix = "signed_claim")
    {
        if (signed?.Claim is not { } claim) throw new InvalidFieldException($"{fieldPrefix}.claim", "the signed claim is missing");
        return new SubmittedClaim(
            claim.ContentHash.ToByteArray(), (int)claim.Kind, claim.Subject.ToByteArray(), claim.Issuer,
            claim.IssuedAt, claim.Nonce.ToByteArray(), signed.Signature.ToByteArray(), subjectId);
    }

    public static Proto.EvidenceRecord ToProto(EvidenceRecord record)
    {
        var proto = new Proto.EvidenceRecord
        {
            Id = record.Id,
            SignedClaim = new Proto.SignedClaim
            {
                Claim = new Proto.EvidenceClaim
                {
                    ContentHash = ByteString.CopyFrom(record.ContentHash),
                    Kind = (Proto.RecordKind)(int)record.Kind,
                    Subject = ByteString.CopyFrom(record.SubjectHash),
                    Issuer = record.Issuer,
                    IssuedAt = (ulong)record.IssuedAt.ToUnixTimeSeconds(),
                    Nonce = ByteString.CopyFrom(record.Nonce),
                },
                Signature = ByteString.CopyFrom(record.Signature),
            },
            SubjectId = record.Subject,
            Status = ToProto(record.Status),
            MediaType = record.MediaType ?? "",
            FileName = record.FileName ?? "",
            ContentLength = (ulong)record.ContentLength,
            MetadataJson = record.MetadataJson ?? "",
            AcceptedAt = Timestamp.FromDateTimeOffset(record.AcceptedAt),
        };
        if (record.AnchoredAt is { } anchoredAt) proto.AnchoredAt = Timestamp.FromDateTimeOffset(anchoredAt);
        if (record.ConfirmedAt is { } confirmedAt) proto.ConfirmedAt = Timestamp.FromDateTimeOffset(confirmedAt);
        if (record is { Placement: { } placement, Anchor: { } anchor })
        {
            proto.Anchor = new Proto.AnchorInfo
            {
                MerkleRoot = ByteString.CopyFrom(placement.Root),
                LeafIndex = (uint)placement.LeafIndex,
                TxHash = ByteString.CopyFrom(anchor.TxHash),
                BlockNumber = (ulong)anchor.BlockNumber,
                BlockHash = ByteString.CopyFrom(anchor.BlockHash),
            };
            proto.Anchor.MerkleProof.AddRange(placement.Proof.Select(ByteString.CopyFrom));
        }
        if (record.Revocation is { } revocation)
        {
            proto.Revocation = new Proto.RevocationInfo
            {
                RevokedAt = Timestamp.FromDateTimeOffset(revocation.ObservedAt),
                BlockNumber = (ulong)revocation.BlockNumber,
                TxHash = ByteString.CopyFrom(revocation.TxHash),
                SupersededBy = revocation.SupersededBy ?? "",
            };
        }
        proto.Flagged = record.OpenFlags.Count > 0;
        proto.OpenFlags.AddRange(record.OpenFlags.Select(AssuranceProtoMapper.ToProto));
        proto.Endorsements.AddRange(record.Endorsements.Select(AssuranceProtoMapper.ToProto));
        return proto;
    }

    public static Proto.RecordStatus ToProto(Domain.RecordStatus status) => status switch
    {
        Domain.RecordStatus.Pending => Proto.RecordStatus.Pending,
        Domain.RecordStatus.Anchored => Proto.RecordStatus.Anchored,
        Domain.RecordStatus.Confirmed => Proto.RecordStatus.Confirmed,
        _ => Proto.RecordStatus.Unspecified,
    };

    public static Domain.RecordStatus? FromProto(Proto.RecordStatus status) => status switch
    {
        Proto.RecordStatus.Pending => Domain.RecordStatus.Pending,
        Proto.RecordStatus.Anchored => Domain.RecordStatus.Anchored,
        Proto.RecordStatus.Confirmed => Domain.RecordStatus.Confirmed,
        Proto.RecordStatus.Unspecified => null,
        _ => throw new InvalidFieldException("status", $"unknown status {(int)status}"),
    };

    public static Proto.RecordChange ToProto(Domain.RecordChange change) => (Proto.RecordChange)(int)change;

    public static Proto.ProofBundle ToProto(ProofBundle bundle)
    {
        var proto = new Proto.ProofBundle
        {
            Format = ProofBundle.Format,
            RecordId = bundle.RecordId,
            SignedClaim = new Proto.SignedClaim
            {
                Claim = new Proto.EvidenceClaim
                {
                    ContentHash = ByteString.CopyFrom(bundle.Claim.ContentHash),
                    Kind = (Proto.RecordKind)bundle.Claim.Kind,
                    Subject = ByteString.CopyFrom(bundle.Claim.Subject),
                    Issuer = bundle.Claim.Issuer.ToString(),
                    IssuedAt = bundle.Claim.IssuedAt,
                    Nonce = ByteString.CopyFrom(bundle.Claim.Nonce),
                },
                Signature = ByteString.CopyFrom(bundle.Signature),
            },
            SubjectId = bundle.SubjectId,
            ChainId = bundle.AnchorChainId,
            RegistryAddress = bundle.Registry.ToString(),
            Anchor = new Proto.AnchorInfo
            {
                MerkleRoot = ByteString.CopyFrom(bundle.Root),
                LeafIndex = (uint)bundle.LeafIndex,
                TxHash = ByteString.CopyFrom(bundle.TxHash),
                BlockNumber = bundle.BlockNumber,
                BlockHash = ByteString.CopyFrom(bundle.BlockHash),
            },
            GeneratedAt = Timestamp.FromDateTimeOffset(bundle.GeneratedAt),
            Content = new Proto.ContentInfo
            {
                ContentHash = ByteString.CopyFrom(bundle.Claim.ContentHash),
                ContentLength = (ulong)bundle.ContentLength,
                MediaType = bundle.MediaType ?? "",
                FileName = bundle.FileName ?? "",
            },
            Status = ToProto(bundle.Status),
        };
        proto.Anchor.MerkleProof.AddRange(bundle.Proof.Select(ByteString.CopyFrom));
        return proto;
    }

    public static Proto.VerificationResult ToProto(VerificationOutcome outcome)
    {
        var result = new Proto.VerificationResult
        {
            Status = (Proto.VerificationStatus)(int)outcome.Status,
            RecordId = outcome.RecordId ?? "",
            CheckedAtBlock = outcome.CheckedAtBlock,
        };
        if (outcome.RecordStatus is { } status) result.RecordStatus = ToProto(status);
        result.Checks.AddRange(outcome.Checks.Select(c => new Proto.VerificationCheck { Name = c.Name, Passed = c.Passed, Detail = c.Detail }));
        if (outcome.Withdrawal is { } withdrawal)
        {
            result.Revocation = new Proto.RevocationInfo
            {
                RevokedAt = Timestamp.FromDateTimeOffset(withdrawal.At),
                SupersededBy = withdrawal.SupersededBy ?? "",
            };
        }
        result.Flagged = outcome.OpenFlags.Count > 0 || outcome.Status == Domain.VerificationStatus.Flagged;
        result.OpenFlags.AddRange(outcome.OpenFlags.Select(AssuranceProtoMapper.ToProto));
        result.Endorsements.AddRange(outcome.RecordEndorsements.Select(AssuranceProtoMapper.ToProto));
        return result;
    }

    public static string HexOrEmpty(ByteString bytes) => bytes.IsEmpty ? "" : Hex.Encode(bytes.Span);
}
