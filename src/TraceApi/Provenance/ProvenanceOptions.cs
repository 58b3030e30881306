using System.ComponentModel.DataAnnotations;

namespace Trace.Api.Provenance;

/// <summary>Settings of the provenance page (docs/provenance-page.md), section <c>Provenance</c>.</summary>
public sealed class ProvenanceOptions
{
    public const string Section = "Provenance";

    /// <summary>
    /// Base URL the page's QR code and canonical links use (e.g. https://trace.example.com); empty = the scheme and host of
    /// the request, which is right unless a proxy in front changes them.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>
    /// Link of an anchoring transaction in a block explorer, with <c>{txHash}</c> and optionally <c>{chainId}</c>
    /// (e.g. https://sepolia.etherscan.io/tx/{txHash}); empty = no link, the page shows the chain id and transaction hash.
    /// </summary>
    public string ExplorerTxUrlTemplate { get; set; } = "";

    /// <summary>
    /// JSON-RPC URL of the anchoring chain the per-record page's in-browser verification calls first; empty = the node's
    /// own (the embedded Anvil's; for an external chain its URL without path or query, which hold API keys). The visitor
    /// can replace it on the page with an endpoint of their own choosing.
    /// </summary>
    public string PublicRpcUrl { get; set; } = "";

    /// <summary>Batches drawn in the lineage graph at most (the graph notes when it is cut).</summary>
    [Range(1, 2000)]
    public int MaxGraphNodes { get; set; } = 200;
}
