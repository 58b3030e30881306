using Grpc.Core;
using Microsoft.Extensions.Options;
using Trace.Api.Hosting;
using Trace.Node.Chain;
using Trace.Node.Storage;
using Trace.Protos.V1;

namespace Trace.Api.Services;

/// <summary>trace.v1.NodeService: what chain and contracts this node anchors to.</summary>
public sealed class NodeGrpcService(ChainConnection chain, TraceContracts contracts, TraceStore store, IOptions<ApiOptions> api) : NodeService.NodeServiceBase
{
    private static readonly string Version = typeof(NodeGrpcService).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public override async Task<GetNodeInfoResponse> GetNodeInfo(GetNodeInfoRequest request, ServerCallContext context)
    {
        var response = new GetNodeInfoResponse
        {
            ChainId = chain.ChainId,
            BlockNumber = await chain.Eth.BlockNumberAsync(context.CancellationToken),
            ChainMode = chain.Mode,
            Version = Version,
            // An external RPC URL often carries an API key in its path or query: show only where it points.
            RpcUrl = chain.Mode == "embedded" ? chain.RpcUrl.ToString() : $"{chain.RpcUrl.Scheme}://{chain.RpcUrl.Host}:{chain.RpcUrl.Port}",
            PendingRecords = (ulong)(await store.GetQueueInfoAsync(context.CancellationToken)).Count,
            HttpUrl = api.Value.HttpUrl?.TrimEnd('/') ?? "",
        };
        if (contracts.Ready.IsCompletedSuccessfully)
        {
            response.Contracts["ParticipantRegistry"] = contracts.Deployment.ParticipantRegistry.ToString();
            response.Contracts["EvidenceRegistry"] = contracts.Deployment.EvidenceRegistry.ToString();
            response.Operator = contracts.Operator.Address.ToString();
        }
        return response;
    }
}
