using System.CommandLine;
using Spectre.Console;
using Trace.Cli.Cli;
using Trace.Protos.V1;

namespace Trace.Cli.Commands;

/// <summary><c>trace grant</c>: lets another participant read the content of your record or batch (docs/confidentiality.md); <c>--list</c> shows grants.</summary>
internal static class GrantCommand
{
    public static Command Create()
    {
        var to = new Option<string?>("--to") { Description = "The participant given access (lei:…, gln:…)" };
        var record = new Option<string?>("--record") { Description = "One record of yours" };
        var batch = new Option<string?>("--batch") { Description = "A batch of yours (its records and the evidence they cite)" };
        var list = new Option<bool>("--list") { Description = "List the grants your participant gave or received instead" };
        var command = new Command("grant", "Let another participant read the content of your record or batch (`trace revoke --grant ID` ends it)") { to, record, batch, list };
        Run.Action(command, async (s, ct) =>
        {
            var client = await s.SignedInClientAsync(ct);
            if (s.Value(list))
            {
                var grants = await client.ContentAccess.ListContentGrantsAsync(new ListContentGrantsRequest { IncludeRevoked = true, PageSize = 100 }, cancellationToken: ct);
                if (s.Json) { Session.WriteJson(Session.ToJson(grants)); return ExitCodes.Ok; }
                var table = new Table().AddColumns("grant", "from", "to", "target", "revoked");
                foreach (var g in grants.Grants)
                    table.AddRow(g.GrantId, Ui.Safe(g.IssuerParticipantId), Ui.Safe(g.GranteeParticipantId),
                        Ui.Safe(g.TargetCase == ContentGrant.TargetOneofCase.RecordId ? g.RecordId : g.BatchId), g.RevokedAt is null ? "" : "revoked");
                s.Console.Write(table);
                return ExitCodes.Ok;
            }
            var request = new GrantContentAccessRequest { GranteeParticipantId = s.Value(to) ?? throw CliException.BadInput("--to: the participant to give access to") };
            if (s.Value(record) is { } r) request.RecordId = r;
            else if (s.Value(batch) is { } b) request.BatchId = b;
            else throw CliException.BadInput("--record ID or --batch ID: what to give access to");
            var answer = await client.ContentAccess.GrantContentAccessAsync(request, cancellationToken: ct);
            if (s.Json) { Session.WriteJson(Session.ToJson(answer)); return ExitCodes.Ok; }
            s.Console.MarkupLine(Ui.Format($"{(answer.Created ? "granted" : "already granted")}: {answer.Grant.GranteeParticipantId} may read {request.RecordId}{request.BatchId} (grant {answer.Grant.GrantId})"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
