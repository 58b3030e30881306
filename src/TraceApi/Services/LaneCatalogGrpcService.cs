using Grpc.Core;
using Trace.Api.Access;
using Trace.Domain;
using Trace.Domain.Identifiers;
using Trace.Node.Access;
using Trace.Node.Decisions.Lanes;
using Trace.Protos.V1;

namespace Trace.Api.Services;

/// <summary>trace.v1.LaneCatalogService: the operator's and carriers' lanes (docs/decisions.md).</summary>
public sealed class LaneCatalogGrpcService(LaneCatalog catalog, TimeProvider clock) : LaneCatalogService.LaneCatalogServiceBase
{
    /// <summary>Most lanes or ids in one call.</summary>
    public const int MaxLanesPerCall = 1000;

    public override async Task<PutLanesResponse> PutLanes(PutLanesRequest request, ServerCallContext context)
    {
        var lanes = Read(request.Lanes, Node.Decisions.Lanes.Lane.OperatorOwner);
        var (created, replaced) = await catalog.PutAsync(lanes, null, context.CancellationToken);
        return new PutLanesResponse { Created = (uint)created, Replaced = (uint)replaced };
    }

    public override async Task<SubmitCarrierLanesResponse> SubmitCarrierLanes(SubmitCarrierLanesRequest request, ServerCallContext context)
    {
        var owner = context.GetCaller().ParticipantId ?? throw new AccessDeniedException("a carrier's lanes are stored under its participant id; this key has none");
        var lanes = Read(request.Lanes, owner);
        var (created, replaced) = await catalog.PutAsync(lanes, owner, context.CancellationToken);
        return new SubmitCarrierLanesResponse { Created = (uint)created, Replaced = (uint)replaced, Owner = owner };
    }

    public override async Task<ListLanesResponse> ListLanes(ListLanesRequest request, ServerCallContext context)
    {
        if (request.Location.Length > 0 && !UnLocode.IsValid(request.Location))
            throw new InvalidFieldException("location", $"\"{request.Location}\" is not a UN/LOCODE (e.g. \"NLRTM\")");
        var lanes = await catalog.AllAsync(context.CancellationToken);
        var response = new ListLanesResponse();
        response.Lanes.AddRange(lanes.Where(l => request.Location.Length == 0 || l.Origin == request.Location || l.Destination == request.Location)
            .Select(DecisionProtoMapper.ToProto));
        return response;
    }

    public override async Task<DeleteLanesResponse> DeleteLanes(DeleteLanesRequest request, ServerCallContext context)
    {
        if (request.LaneIds.Count is 0 or > MaxLanesPerCall) throw new InvalidFieldException("lane_ids", $"give 1 to {MaxLanesPerCall} lane ids");
        for (var i = 0; i < request.LaneIds.Count; i++)
            if (!LaneRules.IsLaneId(request.LaneIds[i])) throw new InvalidFieldException($"lane_ids[{i}]", $"\"{request.LaneIds[i]}\" is not a lane id");
        var caller = context.GetCaller();
        var owner = caller.IsAdmin ? null : caller.ParticipantId ?? throw new AccessDeniedException("this key has no participant id");
        var deleted = await catalog.DeleteAsync([.. request.LaneIds], owner, context.CancellationToken);
        return new DeleteLanesResponse { Deleted = (uint)deleted };
    }

    private List<Node.Decisions.Lanes.Lane> Read(IReadOnlyList<Protos.V1.Lane> lanes, string owner)
    {
        if (lanes.Count is 0 or > MaxLanesPerCall) throw new InvalidFieldException("lanes", $"give 1 to {MaxLanesPerCall} lanes");
        var now = clock.GetUtcNow();
        var read = new List<Node.Decisions.Lanes.Lane>(lanes.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lanes.Count; i++)
        {
            var lane = DecisionProtoMapper.FromProto(lanes[i], $"lanes[{i}]", owner, now);
            if (!seen.Add(lane.LaneId)) throw new InvalidFieldException($"lanes[{i}].lane_id", $"\"{lane.LaneId}\" is given twice");
            read.Add(lane);
        }
        return read;
    }
}
