using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Trace.Cli.Cli;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Cli.Commands;

/// <summary>
/// <c>trace flag RECORD</c> (a regulator opens or closes a flag), <c>trace endorse RECORD</c> (a verifier vouches for a
/// record), <c>trace audit trail</c> (every registry event): AssuranceService, each message signed by the key and relayed.
/// </summary>
internal static class AssuranceCommands
{
    public static Command Flag()
    {
        var record = new Argument<string>("record") { Description = "The record to flag" };
        var reason = new Option<string>("--reason") { Description = "suspected-false-data, inconsistent-with-other-records, under-investigation, missing-supporting-evidence or other; with --close: resolved or raised-in-error", DefaultValueFactory = _ => "under-investigation" };
        var note = new Option<string?>("--note") { Description = "A short public note on the flag" };
        var close = new Option<bool>("--close") { Description = "Close your participant's open flag on the record instead" };
        var command = new Command("flag", "(regulator) Flag a record: it verifies FLAGGED and footprints resting on it count it as withdrawn until closed") { record, reason, note, close };
        Run.Action(command, async (s, ct) =>
        {
            var (client, signer) = await s.SignerAsync(ct);
            var id = s.Value(record)!;
            if (s.Value(close))
            {
                var why = s.Value(reason) == "under-investigation" ? UnflagReason.Resolved : Parse<UnflagReason>(s.Value(reason)!, "--reason");
                var closed = await client.UnflagAsync(signer, id, why, ct);
                return Report(s, $"flag on {id} closed ({Names.Of(why)})", id, closed.TxHash.ToByteArray(), closed.BlockNumber);
            }
            var answer = await client.FlagAsync(signer, id, Parse<FlagReason>(s.Value(reason)!, "--reason"), s.Value(note), ct);
            return Report(s, $"{id} flagged ({Names.Of(answer.Flag?.Reason ?? FlagReason.Unspecified)})", id, answer.TxHash.ToByteArray(), answer.BlockNumber);
        });
        return command;
    }

    public static Command Endorse()
    {
        var record = new Argument<string>("record") { Description = "The record to endorse" };
        var code = new Option<string>("--code") { Description = "reasonable-assurance, limited-assurance or data-review", DefaultValueFactory = _ => "limited-assurance" };
        var command = new Command("endorse", "(verifier) Endorse a record: your participant vouches for it on chain") { record, code };
        Run.Action(command, async (s, ct) =>
        {
            var (client, signer) = await s.SignerAsync(ct);
            var answer = await client.EndorseAsync(signer, s.Value(record)!, Parse<EndorsementCode>(s.Value(code)!, "--code"), ct);
            return Report(s, $"{s.Value(record)} endorsed ({Names.Of(answer.Endorsement?.Code ?? EndorsementCode.Unspecified)})", s.Value(record)!, answer.TxHash.ToByteArray(), answer.BlockNumber);
        });
        return command;
    }

    public static Command Trail()
    {
        var from = new Option<string?>("--from") { Description = "From this time (UTC date or date-time)" };
        var to = new Option<string?>("--to") { Description = "Up to this time (exclusive)" };
        var participant = new Option<string?>("--participant") { Description = "Only events about this participant" };
        var record = new Option<string?>("--record") { Description = "Only events about this record" };
        var subject = new Option<string?>("--subject") { Description = "Only events about records of this subject id" };
        var max = new Option<uint>("--max") { Description = "At most this many events (0 = the node's limit)" };
        var command = new Command("trail", "Every registry event, oldest first: anchoring, revocations, supersessions, flags, endorsements, participant changes") { from, to, participant, record, subject, max };
        Run.Action(command, async (s, ct) =>
        {
            var client = await s.SignedInClientAsync(ct);
            var filter = new GetAuditTrailRequest
            {
                ParticipantId = s.Value(participant) ?? "", RecordId = s.Value(record) ?? "", SubjectId = s.Value(subject) ?? "", MaxEvents = s.Value(max),
            };
            if (s.Value(from) is { } f) filter.From = AuditCommand.Date(f, "--from");
            if (s.Value(to) is { } t) filter.To = AuditCommand.Date(t, "--to");
            var events = new List<AuditTrailEvent>();
            await foreach (var e in client.GetAuditTrailAsync(filter, ct)) events.Add(e);
            if (s.Json)
            {
                Session.WriteJson(new JsonObject { ["events"] = new JsonArray(events.Select(e => Session.ToJson(e)).ToArray()) });
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("time", "block", "event", "by", "about");
            foreach (var e in events)
                table.AddRow(Ui.Safe(e.At?.ToDateTimeOffset().ToString("u")), e.BlockNumber.ToString(), Names.Of(e.Kind),
                    Ui.Safe(e.ActorParticipantId.Length > 0 ? e.ActorParticipantId : e.Actor), Ui.Safe(e.RecordId.Length > 0 ? e.RecordId : e.ParticipantId));
            s.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Report(Session s, string what, string recordId, byte[] tx, ulong block)
    {
        if (s.Json) Session.WriteJson(new JsonObject { ["recordId"] = recordId, ["transactionHash"] = Hex.Encode(tx), ["blockNumber"] = block });
        else s.Console.MarkupLine(Ui.Format($"{what}: transaction {Hex.Encode(tx)} in block {block}"));
        return ExitCodes.Ok;
    }

    private static T Parse<T>(string text, string option) where T : struct, Enum
    {
        var normal = text.Replace("-", "").Replace("_", "");
        foreach (var value in Enum.GetValues<T>())
            if (Convert.ToInt32(value) != 0 && string.Equals(value.ToString(), normal, StringComparison.OrdinalIgnoreCase)) return value;
        throw CliException.BadInput($"{option}: '{text}' is none of {string.Join(", ", Enum.GetValues<T>().Where(v => Convert.ToInt32(v) != 0).Select(Names.Of))}");
    }
}
