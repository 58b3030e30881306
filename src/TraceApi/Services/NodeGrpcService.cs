using Grpc.Core;
using Trace.Node.Chain;
using Trace.Protos.V1;

namespace Trace.Api.Services;

/// <summary>trace.v1.NodeService: what chain and contracts this node anchors to.</summary>
public sealed class NodeGrpcService(ChainConnection chain) : NodeService.NodeServiceBase
{
    private static readonly string Version = typeof(NodeGrpcService).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public override async Task<GetNodeInfoResponse> GetNodeInfo(GetNodeInfoRequest request, ServerCallContext context) =>
        new()
        {
            ChainId = chain.ChainId,
            BlockNumber = await chain.Eth.BlockNumberAsync(context.CancellationToken),
            ChainMode = chain.Mode,
            Version = Version,
        };
}
