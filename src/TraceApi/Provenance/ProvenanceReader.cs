using Google.Protobuf;
using Microsoft.Extensions.Options;
using Trace.Api.Services;
using Trace.Crypto;
using Trace.Node.Chain;
using Trace.Node.Lineage.Queries;
using Trace.Node.Participants;
using Trace.Node.Storage;
using Trace.Protos.V1;

namespace Trace.Api.Provenance;

/// <summary>
/// Reads a lot's provenance straight from the engine: the footprint with every upstream citation, the upstream lineage,
/// each cited record and its issuer's directory entry. The page is public while GetUpstreamLineage needs a token: the
/// graph shown here discloses only what chained public GetFootprint calls already disclose (docs/provenance-page.md).
/// </summary>
public sealed class ProvenanceReader(
    LineageQueries lineage, TraceStore store, ParticipantDirectory directory, ChainConnection chain, TraceContracts contracts,
    IOptions<ProvenanceOptions> options)
{
    /// <summary>The batch ids declared for the lot (usually one).</summary>
    public Task<IReadOnlyList<string>> FindBatchesAsync(ProductLotPath path, CancellationToken ct) =>
        lineage.FindBatchesByLotAsync(path.Gtin.Value, path.Lot, ct);

    /// <summary>The page's data for <paramref name="batchId"/>; null when no batch record declares it.</summary>
    public async Task<ProvenanceView?> ReadAsync(ProductLotPath path, string batchId, string pageUrl, CancellationToken ct)
    {
        var footprint = await lineage.GetFootprintAsync(batchId, includeUpstreamCitations: true, ct).ConfigureAwait(false);
        if (footprint is null) return null;
        var graph = await lineage.GetUpstreamAsync(batchId, 1000, options.Value.MaxGraphNodes, ct).ConfigureAwait(false);
        var upstream = new GetUpstreamLineageResponse { Truncated = graph?.Truncated ?? false };
        if (graph is not null)
        {
            upstream.Nodes.AddRange(graph.Nodes.Select(LineageProtoMapper.ToProto));
            upstream.Edges.AddRange(graph.Edges.Select(LineageProtoMapper.ToProto));
        }
        var proto = LineageProtoMapper.ToProto(footprint);

        var rows = new List<EvidenceRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var citation in proto.Citations)
        {
            if (!seen.Add(citation.RecordId)) continue;
            var record = await store.GetRecordAsync(citation.RecordId, ct).ConfigureAwait(false);
            rows.Add(new EvidenceRow(citation, record is null ? null : EvidenceProtoMapper.ToProto(record)));
        }

        var organisations = new Dictionary<string, Organisation>(StringComparer.OrdinalIgnoreCase);
        var issuers = rows.Where(r => r.Record is not null)
            .SelectMany(r => r.Record!.OpenFlags.Select(f => f.FlaggedBy).Concat(r.Record.Endorsements.Select(e => e.EndorsedBy)).Append(r.Record.SignedClaim.Claim.Issuer))
            .Concat(upstream.Nodes.Select(n => n.Producer)).Append(proto.Producer);
        foreach (var issuer in issuers)
            if (!organisations.ContainsKey(issuer)) organisations[issuer] = await OrganisationAsync(issuer, ct).ConfigureAwait(false);

        return new ProvenanceView(path, proto, upstream, rows, organisations, Chain(), pageUrl);
    }

    /// <summary>The chain the page links to and the per-record page verifies against.</summary>
    public ChainView Chain()
    {
        var configured = options.Value.PublicRpcUrl;
        var rpc = configured.Length > 0 ? configured
            : chain.Mode == "embedded" ? chain.RpcUrl.ToString() : $"{chain.RpcUrl.Scheme}://{chain.RpcUrl.Host}:{chain.RpcUrl.Port}";
        var registry = contracts.Ready.IsCompletedSuccessfully ? contracts.Deployment.EvidenceRegistry.ToString() : "";
        return new ChainView(chain.ChainId, registry, rpc, options.Value.ExplorerTxUrlTemplate);
    }

    /// <summary>The issuer's organisation from the directory; an unregistered key is said so, never an error.</summary>
    public async Task<Organisation> OrganisationAsync(string issuer, CancellationToken ct)
    {
        if (!EthereumAddress.TryParse(issuer, out var key)) return new Organisation("", "", "", ParticipantStanding.Unspecified);
        try
        {
            var participant = ParticipantGrpcService.ToProto(await directory.GetByKeyAsync(key, "key", ct).ConfigureAwait(false));
            return new Organisation(participant.ParticipantId, participant.Identity?.LegalName ?? "", participant.Identity?.Country ?? "", participant.Standing);
        }
        catch (ParticipantNotFoundException)
        {
            return new Organisation("", "", "", ParticipantStanding.Unspecified);
        }
    }

    /// <summary>A record as the per-record page shows it; null when the index has none.</summary>
    public async Task<EvidenceRecord?> RecordAsync(string recordId, CancellationToken ct) =>
        await store.GetRecordAsync(recordId, ct).ConfigureAwait(false) is { } record ? EvidenceProtoMapper.ToProto(record) : null;

    /// <summary>Hex of a 32-byte proto field, "0x"-prefixed.</summary>
    public static string HexOf(ByteString bytes) => Hex.Encode(bytes.Span, prefix: true);
}
