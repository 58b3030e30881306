using Trace.Protos.V1;

namespace Trace.Api.Provenance;

/// <summary>Everything the provenance page of one lot shows, read from the engine (docs/provenance-page.md).</summary>
public sealed record ProvenanceView(
    ProductLotPath Path,
    Footprint Footprint,
    GetUpstreamLineageResponse Lineage,
    IReadOnlyList<EvidenceRow> Records,
    IReadOnlyDictionary<string, Organisation> Organisations,
    ChainView Chain,
    string PageUrl);

/// <summary>One record the footprint rests on: the record, what it is to the footprint, and its standing.</summary>
/// <param name="Citation">How the footprint cites it (role, standing, withdrawal reason, the batch citing it).</param>
/// <param name="Record">The record as the index holds it; null when the index does not hold it (never for accepted lineage).</param>
public sealed record EvidenceRow(Citation Citation, EvidenceRecord? Record)
{
    /// <summary>The badge: Verified, Awaiting confirmation, Revoked, Superseded, Flagged.</summary>
    public string Badge => Citation.Standing switch
    {
        LineageStanding.Verified => "Verified",
        LineageStanding.Withdrawn => Citation.WithdrawalReason switch
        {
            WithdrawalReason.Revoked => "Revoked",
            WithdrawalReason.Superseded => "Superseded",
            WithdrawalReason.Flagged => "Flagged",
            _ => "Withdrawn",
        },
        _ => Record?.Revocation is { } r ? (r.SupersededBy.Length > 0 ? "Superseded" : "Revoked")
            : Record?.Flagged == true ? "Flagged" : "Awaiting confirmation",
    };

    /// <summary>CSS class of the badge.</summary>
    public string BadgeClass => Badge switch
    {
        "Verified" => "ok",
        "Awaiting confirmation" => "wait",
        "Superseded" => "warn",
        _ => "bad",
    };
}

/// <summary>An issuing organisation as the participant directory shows it.</summary>
/// <param name="ParticipantId">Directory id ("lei:…", "gln:…", "0x…"); empty when the key is not registered.</param>
/// <param name="Name">Legal name from the verified identity document; empty when the node holds none.</param>
public sealed record Organisation(string ParticipantId, string Name, string Country, ParticipantStanding Standing)
{
    /// <summary>What the page prints: the legal name, else the participant id, else "unregistered key".</summary>
    public string Display => Name.Length > 0 ? Name : ParticipantId.Length > 0 ? ParticipantId : "unregistered key";
}

/// <summary>The anchoring chain as the page links to it.</summary>
public sealed record ChainView(ulong ChainId, string EvidenceRegistry, string RpcUrl, string ExplorerTxUrlTemplate)
{
    /// <summary>The explorer link of <paramref name="txHash"/>; null when no template is configured.</summary>
    public string? TransactionUrl(string txHash) => ExplorerTxUrlTemplate.Length == 0 ? null
        : ExplorerTxUrlTemplate.Replace("{txHash}", txHash, StringComparison.Ordinal).Replace("{chainId}", ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
