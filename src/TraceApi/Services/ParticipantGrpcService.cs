using System.Text;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Participants;
using Trace.Protos.V1;
using ChainRetirement = Trace.Chain.Contracts.Registries.KeyRetirementReason;
using NodeIdentity = Trace.Node.Participants.IdentityDocument;
using NodeIdentityState = Trace.Node.Participants.IdentityDocumentState;
using ProtoIdentity = Trace.Protos.V1.IdentityDocument;
using ProtoRetirement = Trace.Protos.V1.KeyRetirementReason;

namespace Trace.Api.Services;

/// <summary>trace.v1.ParticipantService: onboarding (admin transactions sent with the node's admin key) and the public directory.</summary>
public sealed class ParticipantGrpcService(ParticipantAdministration administration, ParticipantDirectory directory) : ParticipantService.ParticipantServiceBase
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 100;
    private const string PageTokenPrefix = "participants:";

    public override async Task<RegisterParticipantResponse> RegisterParticipant(RegisterParticipantRequest request, ServerCallContext context)
    {
        var identity = Identity(request.Identity);
        var roles = Roles(request.Roles, "roles");
        var keys = request.Keys.Select((key, i) => Address(key, $"keys[{i}]")).ToList();
        var change = await administration.RegisterAsync(identity, roles, keys, context.CancellationToken);
        return new RegisterParticipantResponse { Participant = ToProto(change.Participant), Transaction = Transaction(change) };
    }

    public override async Task<UpdateParticipantIdentityResponse> UpdateParticipantIdentity(UpdateParticipantIdentityRequest request, ServerCallContext context)
    {
        var id = ParticipantId.Parse(request.ParticipantId, "participant_id");
        var change = await administration.UpdateIdentityAsync(id, Identity(request.Identity), context.CancellationToken);
        return new UpdateParticipantIdentityResponse { Participant = ToProto(change.Participant), Transaction = Transaction(change) };
    }

    public override async Task<AddParticipantKeyResponse> AddParticipantKey(AddParticipantKeyRequest request, ServerCallContext context)
    {
        var id = ParticipantId.Parse(request.ParticipantId, "participant_id");
        var change = await administration.AddKeyAsync(id, Address(request.Key, "key"), context.CancellationToken);
        return new AddParticipantKeyResponse { Participant = ToProto(change.Participant), Transaction = Transaction(change) };
    }

    public override async Task<RetireParticipantKeyResponse> RetireParticipantKey(RetireParticipantKeyRequest request, ServerCallContext context)
    {
        var key = Address(request.Key, "key");
        var reason = request.Reason switch
        {
            ProtoRetirement.Retired => ChainRetirement.Retired,
            ProtoRetirement.Compromised => ChainRetirement.Compromised,
            ProtoRetirement.Unspecified => throw new InvalidFieldException("reason", "say why the key is retired: RETIRED (rotation) or COMPROMISED"),
            _ => throw new InvalidFieldException("reason", $"unknown reason {(int)request.Reason}"),
        };
        var change = await administration.RetireKeyAsync(key, reason, context.CancellationToken);
        return new RetireParticipantKeyResponse { Participant = ToProto(change.Participant), Transaction = Transaction(change) };
    }

    public override async Task<GrantParticipantRolesResponse> GrantParticipantRoles(GrantParticipantRolesRequest request, ServerCallContext context)
    {
        var id = ParticipantId.Parse(request.ParticipantId, "participant_id");
        var change = await administration.GrantRolesAsync(id, Roles(request.Roles, "roles"), context.CancellationToken);
        return new GrantParticipantRolesResponse { Participant = ToProto(change.Participant), Transaction = Transaction(change) };
    }

    public override async Task<RevokeParticipantRolesResponse> RevokeParticipantRoles(RevokeParticipantRolesRequest request, ServerCallContext context)
    {
        var id = ParticipantId.Parse(request.ParticipantId, "participant_id");
        var change = await administration.RevokeRolesAsync(id, Roles(request.Roles, "roles"), context.CancellationToken);
        return new RevokeParticipantRolesResponse { Participant = ToProto(change.Participant), Transaction = Transaction(change) };
    }

    public override async Task<SuspendParticipantResponse> SuspendParticipant(SuspendParticipantRequest request, ServerCallContext context)
    {
        var id = ParticipantId.Parse(request.ParticipantId, "participant_id");
        if (request.Reason == SuspensionReason.Unspecified)
            throw new InvalidFieldException("reason", "say why the participant is suspended (ADMINISTRATIVE, COMPLIANCE, SECURITY or REQUESTED)");
        if (!System.Enum.IsDefined(request.Reason)) throw new InvalidFieldException("reason", $"unknown reason {(int)request.Reason}");
        var change = await administration.SuspendAsync(id, (ushort)request.Reason, context.CancellationToken);
        return new SuspendParticipantResponse { Participant = ToProto(change.Participant), Transaction = Transaction(change) };
    }

    public override async Task<ReactivateParticipantResponse> ReactivateParticipant(ReactivateParticipantRequest request, ServerCallContext context)
    {
        var id = ParticipantId.Parse(request.ParticipantId, "participant_id");
        var change = await administration.ReactivateAsync(id, context.CancellationToken);
        return new ReactivateParticipantResponse { Participant = ToProto(change.Participant), Transaction = Transaction(change) };
    }

    public override async Task<ListParticipantsResponse> ListParticipants(ListParticipantsRequest request, ServerCallContext context)
    {
        if (request.PageSize > MaxPageSize) throw new InvalidFieldException("page_size", $"at most {MaxPageSize}, got {request.PageSize}");
        var pageSize = request.PageSize == 0 ? DefaultPageSize : (int)request.PageSize;
        var offset = ParsePageToken(request.PageToken);
        var role = request.Role == ParticipantRole.Unspecified ? ParticipantRoles.None : RoleBit(request.Role, "role");
        var (participants, next) = await directory.ListAsync(offset, pageSize, role, context.CancellationToken);
        var response = new ListParticipantsResponse { NextPageToken = next is { } n ? PageToken(n) : "" };
        response.Participants.AddRange(participants.Select(ToProto));
        return response;
    }

    public override async Task<GetParticipantResponse> GetParticipant(GetParticipantRequest request, ServerCallContext context)
    {
        var participant = request.ParticipantCase switch
        {
            GetParticipantRequest.ParticipantOneofCase.ParticipantId =>
                await directory.GetAsync(ParticipantId.Parse(request.ParticipantId, "participant_id"), "participant_id", context.CancellationToken),
            GetParticipantRequest.ParticipantOneofCase.Key =>
                await directory.GetByKeyAsync(Address(request.Key, "key"), "key", context.CancellationToken),
            _ => throw new InvalidFieldException("participant", "set participant_id or key"),
        };
        return new GetParticipantResponse { Participant = ToProto(participant) };
    }

    // ------------------------------------------------------------------ input

    private static NodeIdentity Identity(ProtoIdentity? identity) =>
        identity is null
            ? throw new InvalidFieldException("identity", "the identity document is missing (legal_name, country, lei or gln)")
            : NodeIdentity.Create(identity.LegalName, identity.Country, identity.Lei, identity.Gln, identity.ContactName, identity.ContactEmail);

    private static EthereumAddress Address(string? text, string field) =>
        EthereumAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidFieldException(field, $"'{Shorten(text)}' is not an address (0x + 40 hex digits, EIP-55 checksum when mixed case)");

    private static ParticipantRoles Roles(RepeatedField<ParticipantRole> roles, string field)
    {
        if (roles.Count == 0) throw new InvalidFieldException(field, "at least one role is required");
        var bits = ParticipantRoles.None;
        for (var i = 0; i < roles.Count; i++)
        {
            var bit = RoleBit(roles[i], $"{field}[{i}]");
            if ((bits & bit) != 0) throw new InvalidFieldException($"{field}[{i}]", $"{roles[i]} is given twice");
            bits |= bit;
        }
        return bits;
    }

    /// <summary>PARTICIPANT_ROLE_x (1..6) is registry bit 1 &lt;&lt; (x - 1).</summary>
    internal static ParticipantRoles RoleBit(ParticipantRole role, string field) => role switch
    {
        ParticipantRole.Unspecified => throw new InvalidFieldException(field, "PARTICIPANT_ROLE_UNSPECIFIED is not a role"),
        >= ParticipantRole.Operator and <= ParticipantRole.Buyer => (ParticipantRoles)(1 << ((int)role - 1)),
        _ => throw new InvalidFieldException(field, $"unknown role {(int)role}"),
    };

    internal static IEnumerable<ParticipantRole> ToProto(ParticipantRoles roles)
    {
        for (var value = 1; value <= (int)ParticipantRole.Buyer; value++)
        {
            if (((int)roles & (1 << (value - 1))) != 0) yield return (ParticipantRole)value;
        }
    }

    private static int ParsePageToken(string? token)
    {
        if (string.IsNullOrEmpty(token)) return 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(PageTokenPrefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(PageTokenPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset))
                return offset;
        }
        catch (FormatException) { }
        throw new InvalidFieldException("page_token", "not a token this server issued");
    }

    private static string PageToken(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(PageTokenPrefix + offset.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    // ------------------------------------------------------------------ output

    private static ParticipantTransaction Transaction(ParticipantChange change) =>
        new() { TransactionHash = Hex.Encode(change.TransactionHash), BlockNumber = change.BlockNumber };

    internal static Participant ToProto(ParticipantView view)
    {
        var participant = new Participant
        {
            ParticipantId = view.Id.ToString(),
            Standing = view.Active ? ParticipantStanding.Active : ParticipantStanding.Suspended,
            RegisteredAt = Timestamp.FromDateTimeOffset(view.RegisteredAt),
            MetadataUri = view.MetadataUri,
            MetadataHash = Hex.Encode(view.MetadataHash),
            IdentityState = view.IdentityState switch
            {
                NodeIdentityState.Verified => Protos.V1.IdentityDocumentState.Verified,
                NodeIdentityState.Missing => Protos.V1.IdentityDocumentState.Missing,
                NodeIdentityState.External => Protos.V1.IdentityDocumentState.External,
                _ => Protos.V1.IdentityDocumentState.Invalid,
            },
            Identity = view.Identity is { } identity
                ? new ProtoIdentity
                {
                    LegalName = identity.LegalName,
                    Country = identity.Country,
                    Lei = identity.Lei ?? "",
                    Gln = identity.Gln ?? "",
                    ContactName = identity.ContactName ?? "",
                    ContactEmail = identity.ContactEmail ?? "",
                }
                : null,
        };
        participant.Roles.AddRange(ToProto(view.Roles));
        participant.Keys.AddRange(view.Keys.Select(key => new ParticipantKey
        {
            Address = key.Address.ToString(),
            AddedAt = Timestamp.FromDateTimeOffset(key.AddedAt),
            RetiredAt = key.RetiredAt is { } retired ? Timestamp.FromDateTimeOffset(retired) : null,
            RetirementReason = key.RetirementReason switch
            {
                ChainRetirement.Retired => ProtoRetirement.Retired,
                ChainRetirement.Compromised => ProtoRetirement.Compromised,
                _ => ProtoRetirement.Unspecified,
            },
            Active = key.IsActive,
        }));
        foreach (var period in view.History)
        {
            var proto = new Protos.V1.ParticipantStatusPeriod
            {
                Since = Timestamp.FromDateTimeOffset(period.Since),
                Standing = period.Active ? ParticipantStanding.Active : ParticipantStanding.Suspended,
                SuspensionReason = period.SuspensionReason is { } code && System.Enum.IsDefined((SuspensionReason)code) ? (SuspensionReason)code : SuspensionReason.Unspecified,
                SuspensionReasonCode = period.SuspensionReason ?? 0,
            };
            proto.Roles.AddRange(ToProto(period.Roles));
            participant.StatusHistory.Add(proto);
        }
        return participant;
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 60 ? text : text[..57] + "...";
}
