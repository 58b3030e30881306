using System.Globalization;
using System.Text;
using Trace.Protos.V1;
using static Trace.Api.Provenance.Html;

namespace Trace.Api.Provenance;

/// <summary>
/// One record's page: what it is, who issued it, its status, and its proof bundle, which /static/verify-record.js checks
/// in the browser (digest, signature, Merkle proof, then the chain's own verdict over JSON-RPC) without trusting Trace.
/// </summary>
internal static class RecordPage
{
    public static string Render(EvidenceRecord record, Organisation issuer, string? bundleJson, ChainView chain)
    {
        var claim = record.SignedClaim.Claim;
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><link rel=\"icon\" href=\"data:,\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(Figures.Kind(claim.Kind))} {E(Figures.Short(record.Id, 14))} · Trace record</title>");
        html.Append("<style>").Append(PageStyle.Css).Append("</style></head><body><main>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Trace record</p><h1>{E(Figures.Kind(claim.Kind))}</h1>");
        html.Append("<dl class=\"record\" style=\"display:grid;grid-template-columns:auto 1fr;gap:4px 12px\">");
        Row(html, "Record id", $"<span class=\"mono\" id=\"record-id\">{E(record.Id)}</span>");
        Row(html, "Subject", $"<span class=\"mono\">{E(record.SubjectId)}</span>");
        Row(html, "Issued by", $"<span id=\"issuer\">{E(issuer.Display)}</span> <span class=\"mono muted\">{E(claim.Issuer)}</span>");
        Row(html, "Signed", E(DateTimeOffset.FromUnixTimeSeconds((long)claim.IssuedAt).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)));
        var status = record.Status switch { RecordStatus.Confirmed => "confirmed on chain", RecordStatus.Anchored => "anchored, awaiting confirmations", _ => "waiting to be anchored" };
        if (record.Revocation is { } revocation) status += revocation.SupersededBy.Length > 0 ? $"; superseded by {revocation.SupersededBy}" : "; revoked by its issuer";
        Row(html, "Status", $"<span id=\"status\">{E(status)}</span>");
        if (record.Anchor is { } anchor)
        {
            var tx = ProvenanceReader.HexOf(anchor.TxHash);
            var link = chain.TransactionUrl(tx);
            Row(html, "Anchored", $"chain {chain.ChainId}, block {anchor.BlockNumber}, transaction {(link is null ? $"<span class=\"mono\">{E(tx)}</span>" : $"<a class=\"mono\" href=\"{E(link)}\" rel=\"noopener\">{E(tx)}</a>")}");
        }
        Row(html, "Content", $"{E(record.MediaType)}, {record.ContentLength} bytes (the content itself stays with its issuer)");
        html.Append("</dl>");

        html.Append("<h2>Check it against the chain</h2>");
        if (bundleJson is null)
        {
            html.Append("<p id=\"verdict\">Not anchored yet: there is nothing on chain to check until the record's batch is mined.</p>");
        }
        else
        {
            html.Append("<p>Your browser recomputes the claim digest, the issuer's signature and the Merkle proof from the proof bundle below, then asks the chain itself (JSON-RPC <code>eth_call</code> to the EvidenceRegistry) whether the root is anchored and the claim valid. Use any endpoint of chain ");
            html.Append(chain.ChainId.ToString(CultureInfo.InvariantCulture)).Append(" you trust.</p>");
            html.Append(CultureInfo.InvariantCulture, $"<label for=\"rpc\">Chain JSON-RPC endpoint</label><input type=\"url\" id=\"rpc\" value=\"{E(chain.RpcUrl)}\"><button id=\"verify\" type=\"button\">Verify</button>");
            html.Append("<p id=\"verdict\" aria-live=\"polite\">Checking…</p><noscript><p>The in-browser check needs JavaScript; the proof bundle below can also be checked with <code>trace verify --bundle FILE --rpc URL</code>.</p></noscript>");
            html.Append("<ol class=\"checks\" id=\"checks\"></ol>");
            html.Append("<details><summary>Proof bundle (docs/proof-bundle.md)</summary><pre class=\"mono\" id=\"bundle-text\">").Append(E(bundleJson)).Append("</pre></details>");
            // JSON inside <script> is not executed; "<" is escaped so no text in it can close the element.
            html.Append("<script type=\"application/json\" id=\"bundle\">").Append(bundleJson.Replace("<", "\\u003c", StringComparison.Ordinal)).Append("</script>");
            html.Append("<script src=\"/static/ethers.umd.min.js\"></script><script src=\"/static/verify-record.js\"></script>");
        }
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string name, string valueHtml) =>
        html.Append(CultureInfo.InvariantCulture, $"<dt>{E(name)}</dt><dd>{valueHtml}</dd>");
}
