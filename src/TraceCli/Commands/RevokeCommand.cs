using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Trace.Cli.Cli;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Cli.Commands;

/// <summary>
/// <c>trace revoke RECORD [--superseded-by NEW]</c>: the issuer withdraws its record on chain (signed by the issuer's key,
/// relayed by the node); <c>trace revoke --grant ID</c>: ends a content grant.
/// </summary>
internal static class RevokeCommand
{
    public static Command Create()
    {
        var record = new Argument<string?>("record") { Description = "Your record to withdraw", Arity = ArgumentArity.ZeroOrOne };
        var supersededBy = new Option<string?>("--superseded-by") { Description = "Your later record that replaces it (a correction): the record becomes SUPERSEDED, not REVOKED" };
        var reason = new Option<ushort>("--reason") { Description = "Revocation reason code written on chain (default 1)", DefaultValueFactory = _ => 1 };
        var grant = new Option<string?>("--grant") { Description = "End this content grant instead (see `trace grant --list`)" };
        var command = new Command("revoke", "Withdraw your record on chain (revoked, or superseded by a correction), or end a content grant") { record, supersededBy, reason, grant };
        Run.Action(command, async (s, ct) =>
        {
            if (s.Value(grant) is { } grantId)
            {
                var client = await s.SignedInClientAsync(ct);
                var answer = await client.ContentAccess.RevokeContentAccessAsync(new RevokeContentAccessRequest { GrantId = grantId }, cancellationToken: ct);
                if (s.Json) Session.WriteJson(Session.ToJson(answer));
                else s.Console.MarkupLine(Ui.Format($"grant {grantId} ended: {answer.Grant.GranteeParticipantId} no longer reads it"));
                return ExitCodes.Ok;
            }
            var id = s.Value(record) ?? throw CliException.BadInput("give the record to withdraw, or --grant ID");
            var (node, signer) = await s.SignerAsync(ct);
            var tx = await node.RevokeAsync(signer, id, s.Value(supersededBy), s.Value(reason), ct);
            var what = s.Value(supersededBy) is { } by ? $"superseded by {by}" : "revoked";
            if (s.Json) Session.WriteJson(new JsonObject { ["recordId"] = id, ["withdrawal"] = s.Value(supersededBy) is null ? "revoked" : "superseded", ["supersededBy"] = s.Value(supersededBy), ["transactionHash"] = Hex.Encode(tx) });
            else s.Console.MarkupLine(Ui.Format($"{id} {what} on chain (transaction {Hex.Encode(tx)}); verifiers see it at once, the node's index within a few blocks"));
            return ExitCodes.Ok;
        });
        return command;
    }

}
