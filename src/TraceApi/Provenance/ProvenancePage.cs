using System.Globalization;
using System.Text;
using Trace.Protos.V1;
using static Trace.Api.Provenance.Html;

namespace Trace.Api.Provenance;

/// <summary>
/// The provenance page of a lot as one server-rendered HTML document: key figures, breakdown chart, lineage graph,
/// evidence with badges, QR code. Everything is in the HTML (inline CSS, inline SVG); it needs no script.
/// </summary>
internal static class ProvenancePage
{
    public static string Render(ProvenanceView view)
    {
        var f = view.Footprint;
        var unit = Figures.Unit(f.Quantity.Unit);
        var producer = view.Organisations.TryGetValue(f.Producer, out var p) ? p : new Organisation("", "", "", ParticipantStanding.Unspecified);
        var productNames = view.Lineage.Nodes.ToDictionary(n => n.BatchId, n => n.ProductName, StringComparer.Ordinal);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><link rel=\"icon\" href=\"data:,\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(f.ProductName)} · lot {E(view.Path.Lot)} · carbon provenance</title>");
        html.Append(CultureInfo.InvariantCulture, $"<link rel=\"canonical\" href=\"{E(view.PageUrl)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<link rel=\"alternate\" type=\"application/json\" href=\"{E(view.Path.CanonicalPath)}?linkType=trace:provenance\">");
        html.Append("<style>").Append(PageStyle.Css).Append("</style></head><body>");

        html.Append("<header><div>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Carbon provenance · GTIN <span class=\"mono\" id=\"gtin\">{view.Path.Gtin.Value}</span> · lot <span class=\"mono\" id=\"lot\">{E(view.Path.Lot)}</span></p>");
        html.Append(CultureInfo.InvariantCulture, $"<h1 id=\"product\">{E(f.ProductName)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Made by <strong id=\"producer\">{E(producer.Display)}</strong>{(producer.Country.Length > 0 ? " (" + E(producer.Country) + ")" : "")} · batch of {E(Figures.Kg(Figures.Parse(f.Quantity.Amount)))} {E(unit)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted mono\">{E(f.BatchId)}</p>");
        html.Append("</div>");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"qr\" id=\"qr\">{QrCodes.Svg(view.PageUrl)}<br>Scan to open this page<br><a href=\"{E(view.Path.CanonicalPath)}?linkType=trace:qrcode\">QR code as PNG</a></div>");
        html.Append("</header><main>");

        // Key figures: plain text in the HTML, so they read with JavaScript off and in any reader.
        html.Append("<section class=\"figures\" aria-label=\"Key figures\">");
        Figure(html, "footprint-per-unit", $"{Figures.Kg(Figures.Parse(f.KgCo2EPerUnit))}", $"kg CO2e per {unit}, cradle to gate");
        Figure(html, "footprint-total", $"{Figures.Kg(Figures.Parse(f.TotalKgCo2E))}", $"kg CO2e for the whole batch ({f.Basis switch { FootprintBasis.Declared => "declared", _ => "computed from the lineage" }})");
        Figure(html, "verified-share", Figures.Percent(f.VerifiedShare), "verified primary data: confirmed on chain, not withdrawn");
        Figure(html, "primary-share", Figures.Percent(f.PrimaryShare), "primary data (measured or calculated at the source)");
        html.Append("</section>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\" id=\"verified-primary\">Verified: {Figures.Kg(Figures.Parse(f.VerifiedKgCo2E))} of {Figures.Kg(Figures.Parse(f.TotalKgCo2E))} kg CO2e rest on records confirmed on chain and not withdrawn; primary data: {Figures.Kg(Figures.Parse(f.PrimaryKgCo2E))} kg CO2e. Figures as of {E(f.VerificationAsOf?.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture))}.</p>");
        if (f.RestsOnWithdrawnEvidence)
        {
            html.Append("<div class=\"alert\" id=\"withdrawn\" role=\"alert\"><strong>This footprint rests on withdrawn evidence.</strong> The figures are kept and marked; the withdrawn records are:<ul>");
            foreach (var w in f.WithdrawnEvidence)
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(w.Reason switch { WithdrawalReason.Revoked => "revoked", WithdrawalReason.Superseded => "superseded", WithdrawalReason.Flagged => "flagged by a regulator", _ => "withdrawn" })}: {E(Figures.Kind(w.Kind))} <a class=\"mono\" href=\"/records/{E(w.RecordId)}\">{E(Figures.Short(w.RecordId, 18))}</a></li>");
            html.Append("</ul></div>");
        }
        if (f.TransportNotReported.Count > 0 || f.TransportNotReportedUpstream)
            html.Append("<p class=\"muted\" id=\"transport-not-reported\">Some transport on the way here was not reported: it is missing from the figures, not counted as zero.</p>");
        if (f.PlannedTransport.Count > 0)
        {
            // Shipments that followed a route decision: what the plan expected against what the shipment recorded.
            html.Append("<section id=\"planned-transport\"><h2>Transport: planned route against what was recorded</h2><table><thead><tr><th>Shipment</th><th>Route plan</th><th>Planned kg CO2e</th><th>Recorded kg CO2e</th><th>Difference</th></tr></thead><tbody>");
            foreach (var plan in f.PlannedTransport)
            {
                var difference = Figures.Parse(plan.DifferenceKgCo2E);
                html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"mono\">{E(Figures.Short(plan.PlannedShipmentId, 48))}</td><td><span class=\"mono\">{E(Figures.Short(plan.PlanId, 14))}</span>, within {E(plan.DeadlineDays)} days</td><td class=\"num\">{Figures.Kg(Figures.Parse(plan.PlannedKgCo2E))}</td><td class=\"num\">{Figures.Kg(Figures.Parse(plan.RecordedKgCo2E))}</td><td class=\"num\">{(difference > 0 ? "+" : "")}{Figures.Kg(difference)}</td></tr>");
            }
            html.Append("</tbody></table><p class=\"muted\">This batch's share of each shipment's transport emissions, as its route decision planned them and as the shipment recorded them. The footprint counts the recorded figure.</p></section>");
        }

        html.Append("<div class=\"top\"><section><h2>Footprint per ").Append(E(unit)).Append(" by stage and scope</h2>");
        html.Append(FootprintChartSvg.Render(f, productNames));
        html.Append("<details><summary>The figures as a table</summary><table><thead><tr><th>Stage</th><th>Scope</th><th>kg CO2e per ").Append(E(unit)).Append("</th><th>Verified</th></tr></thead><tbody>");
        var quantity = Figures.Parse(f.Quantity.Amount);
        foreach (var c in f.Breakdown)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(Figures.Stage(c, productNames))}</td><td>{Figures.Scope(c.Stage)}</td><td class=\"num\">{Figures.Kg(quantity == 0 ? 0 : Figures.Parse(c.KgCo2E) / quantity)}</td><td class=\"num\">{Figures.Kg(quantity == 0 ? 0 : Figures.Parse(c.VerifiedKgCo2E) / quantity)}</td></tr>");
        html.Append("</tbody></table></details></section>");

        html.Append("<section><h2>Where it came from</h2><div class=\"graph-wrap\">");
        html.Append(LineageGraphSvg.Render(view.Lineage, view.Organisations));
        html.Append("</div>");
        if (view.Lineage.Truncated) html.Append("<p class=\"muted\">The graph is cut here; the footprint above still counts every batch upstream.</p>");
        html.Append("<p class=\"muted\">Green: every record confirmed on chain. Amber: awaiting confirmation. Red: rests on a withdrawn record.</p></section></div>");

        html.Append(CultureInfo.InvariantCulture, $"<h2>Evidence ({view.Records.Count} records)</h2><ul class=\"records\" id=\"records\">");
        foreach (var row in view.Records) Record(html, row, view);
        html.Append("</ul>");
        html.Append("</main><footer class=\"muted\">");
        html.Append(CultureInfo.InvariantCulture, $"<p>Anchored on chain {view.Chain.ChainId} in the EvidenceRegistry <span class=\"mono\">{E(view.Chain.EvidenceRegistry)}</span>. Each record's page checks its proof against the chain in your browser.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Data: <a href=\"{E(view.Path.CanonicalPath)}?linkType=trace:provenance\">this page as JSON</a> · <a href=\"{E(view.Path.CanonicalPath)}?linkType=linkset\">GS1 link set</a> · <a href=\"/openapi/v1.json\">OpenAPI document</a></p>");
        html.Append("</footer></body></html>");
        return html.ToString();
    }

    private static string Who(ProvenanceView view, string key, string participantId) =>
        view.Organisations.TryGetValue(key, out var o) && o.Name.Length > 0 ? o.Display : participantId.Length > 0 ? participantId : key;

    private static void Figure(StringBuilder html, string id, string value, string what) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"figure\"><div class=\"value\" id=\"{id}\">{E(value)}</div><div class=\"what\">{E(what)}</div></div>");

    private static void Record(StringBuilder html, EvidenceRow row, ProvenanceView view)
    {
        var c = row.Citation;
        var r = row.Record;
        html.Append(CultureInfo.InvariantCulture, $"<li class=\"record\" data-record=\"{E(c.RecordId)}\" data-status=\"{E(row.Badge)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<h3><span class=\"badge {row.BadgeClass}\">{E(row.Badge)}</span> {E(Figures.Kind(c.Kind))}</h3>");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"muted\">{E(Figures.Role(c.Role))} of {E(Figures.Short(c.BatchId, 60))}</div><dl>");
        if (r is not null)
        {
            var issuer = r.SignedClaim.Claim.Issuer;
            var organisation = view.Organisations.TryGetValue(issuer, out var o) ? o.Display : issuer;
            html.Append(CultureInfo.InvariantCulture, $"<dt>Issued by</dt><dd class=\"issuer\">{E(organisation)}</dd>");
            var when = r.AnchoredAt ?? r.AcceptedAt;
            html.Append(CultureInfo.InvariantCulture, $"<dt>{(r.AnchoredAt is null ? "Accepted" : "Anchored")}</dt><dd>{E(when?.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}</dd>");
            html.Append(CultureInfo.InvariantCulture, $"<dt>Status</dt><dd>{E(r.Status switch { RecordStatus.Confirmed => "confirmed on chain", RecordStatus.Anchored => "anchored, awaiting confirmations", _ => "waiting to be anchored" })}</dd>");
            if (r.Revocation is { } revocation)
                html.Append(CultureInfo.InvariantCulture, $"<dt>{(revocation.SupersededBy.Length > 0 ? "Superseded" : "Revoked")}</dt><dd>{E(revocation.RevokedAt?.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}{(revocation.SupersededBy.Length > 0 ? $" by <a class=\"mono\" href=\"/records/{E(revocation.SupersededBy)}\">{E(Figures.Short(revocation.SupersededBy, 18))}</a>" : "")}</dd>");
            // Regulator flags and verifier endorsements, as the chain records them (AssuranceService, protos/trace/v1/assurance.proto).
            foreach (var flag in r.OpenFlags)
                html.Append(CultureInfo.InvariantCulture, $"<dt>Flagged</dt><dd class=\"flag\">by {E(Who(view, flag.FlaggedBy, flag.RegulatorParticipantId))} on {E(flag.FlaggedAt?.ToDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}: {E(Figures.FlagReason(flag.Reason))}{(flag.Note.Length > 0 ? " (" + E(flag.Note) + ")" : "")}</dd>");
            foreach (var endorsement in r.Endorsements)
                html.Append(CultureInfo.InvariantCulture, $"<dt>Endorsed</dt><dd class=\"endorsement\">by {E(Who(view, endorsement.EndorsedBy, endorsement.VerifierParticipantId))} on {E(endorsement.EndorsedAt?.ToDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}: {E(Figures.Endorsement(endorsement.Code))}</dd>");
            if (r.Anchor is { } anchor)
            {
                var tx = ProvenanceReader.HexOf(anchor.TxHash);
                var link = view.Chain.TransactionUrl(tx);
                var text = $"chain {view.Chain.ChainId} · tx {Figures.Short(tx, 20)}";
                html.Append(CultureInfo.InvariantCulture, $"<dt>Anchor</dt><dd class=\"mono\" title=\"{E(tx)}\">{(link is null ? E(text) : $"<a href=\"{E(link)}\" rel=\"noopener\">{E(text)}</a>")}</dd>");
            }
        }
        html.Append(CultureInfo.InvariantCulture, $"</dl><p><a href=\"/records/{E(c.RecordId)}\">Check this record against the chain</a></p></li>");
    }
}
