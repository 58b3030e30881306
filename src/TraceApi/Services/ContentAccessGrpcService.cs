using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Trace.Api.Access;
using Trace.Domain;
using Trace.Node.ContentAccess;
using Trace.Node.ContentAccess.Storage;
using Trace.Protos.V1;
using ContentGrant = Trace.Node.ContentAccess.ContentGrant;
using ContentGrantProto = Trace.Protos.V1.ContentGrant;

namespace Trace.Api.Services;

/// <summary>trace.v1.ContentAccessService: grant, revoke and list read access to content bytes.</summary>
public sealed class ContentAccessGrpcService(ContentGrants grants) : ContentAccessService.ContentAccessServiceBase
{
    public override async Task<GrantContentAccessResponse> GrantContentAccess(GrantContentAccessRequest request, ServerCallContext context)
    {
        var caller = RequireSignedIn(context);
        var (scope, target) = request.TargetCase switch
        {
            GrantContentAccessRequest.TargetOneofCase.RecordId => (ContentGrantScope.Record, request.RecordId),
            GrantContentAccessRequest.TargetOneofCase.BatchId => (ContentGrantScope.Batch, request.BatchId),
            _ => throw new InvalidFieldException("target", "set record_id or batch_id"),
        };
        var (grant, created) = await grants.GrantAsync(caller, request.GranteeParticipantId, scope, target, context.CancellationToken);
        return new GrantContentAccessResponse { Grant = ToProto(grant), Created = created };
    }

    public override async Task<RevokeContentAccessResponse> RevokeContentAccess(RevokeContentAccessRequest request, ServerCallContext context)
    {
        var grant = await grants.RevokeAsync(RequireSignedIn(context), request.GrantId, context.CancellationToken);
        return new RevokeContentAccessResponse { Grant = ToProto(grant) };
    }

    public override async Task<ListContentGrantsResponse> ListContentGrants(ListContentGrantsRequest request, ServerCallContext context)
    {
        var caller = RequireSignedIn(context);
        string? after = null;
        if (!string.IsNullOrEmpty(request.PageToken))
        {
            after = request.PageToken.Trim().ToLowerInvariant();
            if (after.Length != 32 || !after.All(Uri.IsHexDigit)) throw new InvalidFieldException("page_token", "not a token this server issued");
        }
        var size = request.PageSize == 0 ? ContentGrantStore.MaxPageSize : (int)Math.Min(request.PageSize, ContentGrantStore.MaxPageSize);
        var page = await grants.ListAsync(caller, request.IncludeRevoked, after, size, context.CancellationToken);
        var response = new ListContentGrantsResponse { NextPageToken = page.Count == size ? page[^1].Id : "" };
        response.Grants.AddRange(page.Select(ToProto));
        return response;
    }

    private static Node.Access.Caller RequireSignedIn(ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (caller.IsAnonymous) throw new RpcException(new Status(StatusCode.Unauthenticated, "sign in (SignInService) and send the access token: content grants belong to a participant"));
        return caller;
    }

    internal static ContentGrantProto ToProto(ContentGrant grant)
    {
        var proto = new ContentGrantProto
        {
            GrantId = grant.Id,
            IssuerParticipantId = grant.Issuer,
            GranteeParticipantId = grant.Grantee,
            GrantedBy = grant.GrantedBy,
            GrantedAt = Timestamp.FromDateTimeOffset(grant.GrantedAt),
            RevokedBy = grant.RevokedBy ?? "",
            Active = grant.Active,
        };
        if (grant.Scope == ContentGrantScope.Record) proto.RecordId = grant.Target;
        else proto.BatchId = grant.Target;
        if (grant.RevokedAt is { } revoked) proto.RevokedAt = Timestamp.FromDateTimeOffset(revoked);
        return proto;
    }
}
