using Grpc.Core;
using Trace.Api.Access;
using Trace.Domain;
using Trace.Node.Lineage.Queries;
using Trace.Protos.V1;

namespace Trace.Api.Services;

/// <summary>trace.v1.LineageService: footprints and lineage graphs, read from the materialised lineage.</summary>
public sealed class LineageGrpcService(LineageQueries queries, AccessRules access) : LineageService.LineageServiceBase
{
    private const int MaxBatchIdLength = 2048;
    private const int DefaultDepth = 20, MaxDepth = 1000, DefaultNodes = 10_000, MaxNodes = 100_000;

    public override async Task<GetFootprintResponse> GetFootprint(GetFootprintRequest request, ServerCallContext context)
    {
        var batchId = RequireBatchId(request.BatchId);
        var footprint = await queries.GetFootprintAsync(batchId, request.IncludeUpstreamCitations, context.CancellationToken)
            ?? throw NotFound(batchId);
        return new GetFootprintResponse { Footprint = LineageProtoMapper.ToProto(footprint) };
    }

    public override async Task<GetUpstreamLineageResponse> GetUpstreamLineage(GetUpstreamLineageRequest request, ServerCallContext context)
    {
        var batchId = RequireBatchId(request.BatchId);
        await access.EnsureMayReadLineageAsync(context, batchId, context.CancellationToken);
        var graph = await queries.GetUpstreamAsync(batchId, Depth(request.MaxDepth), Nodes(request.MaxNodes), context.CancellationToken)
            ?? throw NotFound(batchId);
        var response = new GetUpstreamLineageResponse { Truncated = graph.Truncated };
        response.Nodes.AddRange(graph.Nodes.Select(LineageProtoMapper.ToProto));
        response.Edges.AddRange(graph.Edges.Select(LineageProtoMapper.ToProto));
        return response;
    }

    public override async Task<GetDownstreamLineageResponse> GetDownstreamLineage(GetDownstreamLineageRequest request, ServerCallContext context)
    {
        var batchId = RequireBatchId(request.BatchId);
        await access.EnsureMayReadLineageAsync(context, batchId, context.CancellationToken);
        var graph = await queries.GetDownstreamAsync(batchId, Depth(request.MaxDepth), Nodes(request.MaxNodes), context.CancellationToken)
            ?? throw NotFound(batchId);
        var response = new GetDownstreamLineageResponse { Truncated = graph.Truncated };
        response.Nodes.AddRange(graph.Nodes.Select(LineageProtoMapper.ToProto));
        response.Edges.AddRange(graph.Edges.Select(LineageProtoMapper.ToProto));
        response.Shipments.AddRange(graph.Shipments.Select(LineageProtoMapper.ToProto));
        return response;
    }

    private static string RequireBatchId(string batchId)
    {
        if (string.IsNullOrWhiteSpace(batchId)) throw new InvalidFieldException("batch_id", "is required");
        if (batchId.Length > MaxBatchIdLength) throw new InvalidFieldException("batch_id", $"longer than {MaxBatchIdLength} characters");
        return batchId;
    }

    private static int Depth(int requested) => requested switch
    {
        0 => DefaultDepth,
        < 0 or > MaxDepth => throw new InvalidFieldException("max_depth", $"must be between 0 (default {DefaultDepth}) and {MaxDepth}"),
        _ => requested,
    };

    private static int Nodes(int requested) => requested switch
    {
        0 => DefaultNodes,
        < 0 or > MaxNodes => throw new InvalidFieldException("max_nodes", $"must be between 0 (default {DefaultNodes}) and {MaxNodes}"),
        _ => requested,
    };

    private static RpcException NotFound(string batchId) => new(new Status(StatusCode.NotFound, $"batch_id: no batch record declares {batchId}"));
}
