using System.Text.Json.Nodes;
using Spectre.Console;
using Trace.Protos.V1;

namespace Trace.Cli.Cli;

/// <summary>How records are shown: one line or a table for people, the proto3 JSON for scripts.</summary>
internal static class RecordOutput
{
    public static string Line(EvidenceRecord r) =>
        $"{r.Id}  {Names.Of(r.Status),-10} {Names.Of(r.SignedClaim?.Claim?.Kind ?? RecordKind.Unspecified),-20} {Ui.Safe(r.SubjectId)}";

    public static Table Table(IEnumerable<EvidenceRecord> records)
    {
        var table = new Table().AddColumns("record", "status", "kind", "subject", "issuer", "accepted");
        foreach (var r in records)
            table.AddRow(r.Id, Status(r), Names.Of(r.SignedClaim?.Claim?.Kind ?? RecordKind.Unspecified), Ui.Safe(r.SubjectId),
                r.SignedClaim?.Claim?.Issuer ?? "", r.AcceptedAt?.ToDateTimeOffset().ToString("u") ?? "");
        return table;
    }

    public static string Status(EvidenceRecord r) => r.Revocation is { } revocation
        ? revocation.SupersededBy.Length > 0 ? $"[yellow]superseded[/] by {revocation.SupersededBy[..10]}…" : "[red]revoked[/]"
        : r.Status == RecordStatus.Confirmed ? "[green]confirmed[/]" : Names.Of(r.Status);

    public static JsonArray Json(IEnumerable<EvidenceRecord> records) => new(records.Select(r => Session.ToJson(r)).ToArray());
}
