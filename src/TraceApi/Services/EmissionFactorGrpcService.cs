using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Trace.Node.Carbon.Factors;
using Trace.Protos.V1;
using DomainMode = Trace.Domain.Lineage.TransportMode;

namespace Trace.Api.Services;

/// <summary>trace.v1.EmissionFactorService: the transport factor sets this node uses and used, with their anchoring.</summary>
public sealed class EmissionFactorGrpcService(TransportFactorQueries queries) : EmissionFactorService.EmissionFactorServiceBase
{
    public override async Task<GetTransportFactorsResponse> GetTransportFactors(GetTransportFactorsRequest request, ServerCallContext context)
    {
        var description = await queries.DescribeAsync(request.Version, context.CancellationToken);
        var response = new GetTransportFactorsResponse
        {
            Version = description.Set.Version,
            Active = description.IsActive,
            RecordId = description.Set.RecordId ?? "",
            Anchoring = (FactorSetAnchoring)(int)description.Anchoring,
            NotAnchoredReason = description.NotAnchoredReason ?? "",
            RecordStatus = description.RecordStatus is { } status ? EvidenceProtoMapper.ToProto(status) : RecordStatus.Unspecified,
            FirstActivatedAt = description.FirstActivatedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
        response.Rows.AddRange(description.Set.Rows.Select(ToProto));
        return response;
    }

    public override async Task<ListTransportFactorSetsResponse> ListTransportFactorSets(ListTransportFactorSetsRequest request, ServerCallContext context)
    {
        var response = new ListTransportFactorSetsResponse();
        foreach (var (set, isActive, firstActivatedAt) in await queries.ListAsync(context.CancellationToken))
        {
            response.Sets.Add(new TransportFactorSetSummary
            {
                Version = set.Version,
                Active = isActive,
                RecordId = set.RecordId ?? "",
                FirstActivatedAt = firstActivatedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            });
        }
        return response;
    }

    private static Protos.V1.TransportFactor ToProto(Node.Carbon.Factors.TransportFactor row) => new()
    {
        Mode = row.Mode switch
        {
            DomainMode.Road => TransportMode.Road,
            DomainMode.Rail => TransportMode.Rail,
            DomainMode.Sea => TransportMode.Sea,
            DomainMode.InlandWaterway => TransportMode.InlandWaterway,
            DomainMode.Air => TransportMode.Air,
            _ => TransportMode.Unspecified,
        },
        KgCo2EPerTonneKm = row.KgCo2ePerTonneKm.ToString(CultureInfo.InvariantCulture),
        Source = row.Source,
        Table = row.Table ?? "",
        Year = row.Year is { } year ? (uint)year : 0,
        Assumption = row.IsAssumption,
        Note = row.Note ?? "",
    };
}
