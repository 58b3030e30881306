using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Trace.Api.Provenance;

/// <summary>
/// The JSON forms of a lot's page (docs/provenance-page.md): <c>trace:provenance</c>, the page's data with its proto
/// parts in the proto3 JSON mapping (the same shapes as the transcoded /v1 reads), and the GS1 link set (RFC 9264).
/// </summary>
internal static class ProvenanceJson
{
    public const string Format = "trace.provenance/v1";
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static JsonObject Document(ProvenanceView view)
    {
        var records = new JsonArray();
        foreach (var row in view.Records)
        {
            var issuer = row.Record?.SignedClaim.Claim.Issuer;
            var organisation = issuer is not null && view.Organisations.TryGetValue(issuer, out var o) ? o : null;
            var tx = row.Record?.Anchor is { } anchor ? ProvenanceReader.HexOf(anchor.TxHash) : null;
            records.Add(new JsonObject
            {
                ["status"] = row.Badge,
                ["citation"] = Proto(row.Citation),
                ["record"] = row.Record is null ? null : Proto(row.Record),
                ["issuerOrganisation"] = organisation is null ? null : Organisation(organisation),
                ["anchorTransaction"] = tx is null ? null : new JsonObject
                {
                    ["chainId"] = view.Chain.ChainId, ["txHash"] = tx, ["explorerUrl"] = view.Chain.TransactionUrl(tx),
                },
                ["recordPage"] = $"/records/{row.Citation.RecordId}",
            });
        }
        var organisations = new JsonObject();
        foreach (var (key, value) in view.Organisations) organisations[key] = Organisation(value);
        return new JsonObject
        {
            ["format"] = Format,
            ["gtin"] = view.Path.Gtin.Value,
            ["lot"] = view.Path.Lot,
            ["batchId"] = view.Footprint.BatchId,
            ["pageUrl"] = view.PageUrl,
            ["footprint"] = Proto(view.Footprint),
            ["lineage"] = Proto(view.Lineage),
            ["records"] = records,
            ["organisations"] = organisations,
            ["chain"] = new JsonObject
            {
                ["chainId"] = view.Chain.ChainId, ["evidenceRegistry"] = view.Chain.EvidenceRegistry, ["rpcUrl"] = view.Chain.RpcUrl,
            },
        };
    }

    /// <summary>The GS1 Digital Link link set of the lot (application/linkset+json, RFC 9264).</summary>
    public static JsonObject LinkSet(string anchor, string canonicalPath)
    {
        JsonArray Link(string href, string type, string title) => [new JsonObject { ["href"] = href, ["type"] = type, ["title"] = title }];
        return new JsonObject
        {
            ["linkset"] = new JsonArray(new JsonObject
            {
                ["anchor"] = anchor,
                ["https://gs1.org/voc/pip"] = Link(canonicalPath, "text/html", "Carbon provenance page"),
                ["https://gs1.org/voc/defaultLink"] = Link(canonicalPath, "text/html", "Carbon provenance page"),
                ["urn:trace:link-type:provenance"] = Link(canonicalPath + "?linkType=trace:provenance", "application/json", "Carbon provenance data (trace.provenance/v1)"),
                ["urn:trace:link-type:qrcode"] = Link(canonicalPath + "?linkType=trace:qrcode", "image/png", "QR code of the page"),
            }),
        };
    }

    private static JsonObject Organisation(Organisation o) => new()
    {
        ["participantId"] = o.ParticipantId, ["name"] = o.Name, ["country"] = o.Country, ["display"] = o.Display,
    };

    private static JsonNode Proto(IMessage message) => JsonNode.Parse(Formatter.Format(message))!;
}
