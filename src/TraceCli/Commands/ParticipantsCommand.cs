using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Trace.Cli.Cli;
using Trace.Protos.V1;

namespace Trace.Cli.Commands;

/// <summary>
/// <c>trace participants</c>: anyone reads the directory (<c>list</c>, <c>show</c>); the registry admin (signed in with
/// the admin key) registers organisations and manages their keys, roles and standing (docs/participants.md).
/// </summary>
internal static class ParticipantsCommand
{
    public static Command Create()
    {
        var roleFilter = new Option<string?>("--role") { Description = "Only participants holding this role" };
        var list = new Command("list", "The public directory: every participant with its roles, standing and keys") { roleFilter };
        Run.Action(list, async (s, ct) =>
        {
            var client = await s.ClientAsync(ct);
            var role = s.Value(roleFilter) is { } r ? Names.Role(r) : ParticipantRole.Unspecified;
            var participants = new List<Participant>();
            await foreach (var p in client.ListParticipantsAsync(role, ct)) participants.Add(p);
            if (s.Json)
            {
                Session.WriteJson(new JsonObject { ["participants"] = new JsonArray(participants.Select(p => Session.ToJson(p)).ToArray()) });
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("participant", "name", "roles", "standing", "active keys");
            foreach (var p in participants)
                table.AddRow(Ui.Safe(p.ParticipantId), Ui.Safe(p.Identity?.LegalName ?? ""), string.Join(", ", p.Roles.Select(Names.Of)),
                    Names.Of(p.Standing), string.Join("\n", p.Keys.Where(k => k.Active).Select(k => k.Address)));
            s.Console.Write(table);
            return ExitCodes.Ok;
        });

        var who = new Argument<string>("participant") { Description = "Participant id (lei:…, gln:…) or one of its keys" };
        var show = new Command("show", "One participant: identity, roles, standing history, keys") { who };
        Run.Action(show, async (s, ct) =>
        {
            var p = await (await s.ClientAsync(ct)).GetParticipantAsync(s.Value(who)!, ct);
            return Print(s, p, null);
        });

        var name = new Option<string>("--name") { Description = "Registered legal name", Required = true };
        var country = new Option<string>("--country") { Description = "ISO 3166-1 alpha-2 country of the legal seat", Required = true };
        var lei = new Option<string?>("--lei") { Description = "LEI (20 characters); gives the id lei:…" };
        var gln = new Option<string?>("--gln") { Description = "GLN (13 digits); the id is gln:… when there is no LEI" };
        var roles = new Option<string[]>("--role") { Description = "Role(s): supplier, carrier, verifier, regulator, buyer, operator", Required = true, AllowMultipleArgumentsPerToken = true };
        var addresses = new Option<string[]>("--address") { Description = "Its first signing key(s) (addresses, from `trace keys new`)", Required = true, AllowMultipleArgumentsPerToken = true };
        var contact = new Option<string?>("--contact-email") { Description = "Contact e-mail address" };
        var register = new Command("register", "(admin) Register an organisation with its roles and keys") { name, country, lei, gln, roles, addresses, contact };
        Run.Action(register, async (s, ct) =>
        {
            var client = await s.SignedInClientAsync(ct);
            var request = new RegisterParticipantRequest
            {
                Identity = new IdentityDocument
                {
                    LegalName = s.Value(name)!, Country = s.Value(country)!, Lei = s.Value(lei) ?? "", Gln = s.Value(gln) ?? "", ContactEmail = s.Value(contact) ?? "",
                },
            };
            request.Roles.AddRange(s.Value(roles)!.Select(Names.Role));
            request.Keys.AddRange(s.Value(addresses)!);
            var answer = await client.Participants.RegisterParticipantAsync(request, cancellationToken: ct);
            return Print(s, answer.Participant, answer.Transaction);
        });

        var id = new Argument<string>("participant") { Description = "Participant id (lei:…, gln:…)" };
        var key = new Argument<string>("address") { Description = "The key's address" };
        var addKey = new Command("add-key", "(admin) Add a signing key to a participant") { id, key };
        Run.Action(addKey, async (s, ct) =>
        {
            var answer = await (await s.SignedInClientAsync(ct)).Participants.AddParticipantKeyAsync(new AddParticipantKeyRequest { ParticipantId = s.Value(id)!, Key = s.Value(key)! }, cancellationToken: ct);
            return Print(s, answer.Participant, answer.Transaction);
        });

        var retired = new Argument<string>("address") { Description = "The key's address" };
        var compromised = new Option<bool>("--compromised") { Description = "The key leaked (claims it signed after retirement are refused as such)" };
        var retireKey = new Command("retire-key", "(admin) Retire a signing key") { retired, compromised };
        Run.Action(retireKey, async (s, ct) =>
        {
            var request = new RetireParticipantKeyRequest { Key = s.Value(retired)!, Reason = s.Value(compromised) ? KeyRetirementReason.Compromised : KeyRetirementReason.Retired };
            var answer = await (await s.SignedInClientAsync(ct)).Participants.RetireParticipantKeyAsync(request, cancellationToken: ct);
            return Print(s, answer.Participant, answer.Transaction);
        });

        var rolesId = new Argument<string>("participant") { Description = "Participant id" };
        var grantRoles = new Option<string[]>("--grant") { Description = "Roles to grant", AllowMultipleArgumentsPerToken = true };
        var revokeRoles = new Option<string[]>("--revoke") { Description = "Roles to take away", AllowMultipleArgumentsPerToken = true };
        var rolesCommand = new Command("roles", "(admin) Grant or take away roles") { rolesId, grantRoles, revokeRoles };
        Run.Action(rolesCommand, async (s, ct) =>
        {
            var client = await s.SignedInClientAsync(ct);
            Participant? participant = null;
            ParticipantTransaction? transaction = null;
            if (s.Value(grantRoles) is { Length: > 0 } grant)
            {
                var request = new GrantParticipantRolesRequest { ParticipantId = s.Value(rolesId)! };
                request.Roles.AddRange(grant.Select(Names.Role));
                var answer = await client.Participants.GrantParticipantRolesAsync(request, cancellationToken: ct);
                (participant, transaction) = (answer.Participant, answer.Transaction);
            }
            if (s.Value(revokeRoles) is { Length: > 0 } revoke)
            {
                var request = new RevokeParticipantRolesRequest { ParticipantId = s.Value(rolesId)! };
                request.Roles.AddRange(revoke.Select(Names.Role));
                var answer = await client.Participants.RevokeParticipantRolesAsync(request, cancellationToken: ct);
                (participant, transaction) = (answer.Participant, answer.Transaction);
            }
            return participant is null ? throw CliException.BadInput("give --grant ROLE and/or --revoke ROLE") : Print(s, participant, transaction);
        });

        var suspendId = new Argument<string>("participant") { Description = "Participant id" };
        var reason = new Option<string>("--reason") { Description = "administrative, compliance, security or requested", DefaultValueFactory = _ => "administrative" };
        var suspend = new Command("suspend", "(admin) Suspend a participant: its keys stop signing in and issuing at once") { suspendId, reason };
        Run.Action(suspend, async (s, ct) =>
        {
            var why = Enum.TryParse<SuspensionReason>(s.Value(reason), ignoreCase: true, out var r) && r != SuspensionReason.Unspecified
                ? r : throw CliException.BadInput($"--reason: '{s.Value(reason)}' is none of administrative, compliance, security, requested");
            var answer = await (await s.SignedInClientAsync(ct)).Participants.SuspendParticipantAsync(new SuspendParticipantRequest { ParticipantId = s.Value(suspendId)!, Reason = why }, cancellationToken: ct);
            return Print(s, answer.Participant, answer.Transaction);
        });

        var reactivateId = new Argument<string>("participant") { Description = "Participant id" };
        var reactivate = new Command("reactivate", "(admin) Lift a suspension") { reactivateId };
        Run.Action(reactivate, async (s, ct) =>
        {
            var answer = await (await s.SignedInClientAsync(ct)).Participants.ReactivateParticipantAsync(new ReactivateParticipantRequest { ParticipantId = s.Value(reactivateId)! }, cancellationToken: ct);
            return Print(s, answer.Participant, answer.Transaction);
        });

        return new Command("participants", "The participant directory; onboarding for the registry admin")
        {
            list, show, register, addKey, retireKey, rolesCommand, suspend, reactivate,
        };
    }

    private static int Print(Session s, Participant p, ParticipantTransaction? transaction)
    {
        if (s.Json)
        {
            var json = new JsonObject { ["participant"] = Session.ToJson(p) };
            if (transaction is not null) json["transaction"] = Session.ToJson(transaction);
            Session.WriteJson(json);
            return ExitCodes.Ok;
        }
        var table = new Table().HideHeaders().AddColumns("", "");
        table.AddRow("participant", Ui.Safe(p.ParticipantId));
        if (p.Identity is { } identity) table.AddRow("identity", Ui.Safe($"{identity.LegalName} ({identity.Country}) {identity.ContactEmail}".Trim()));
        table.AddRow("standing", Names.Of(p.Standing));
        table.AddRow("roles", string.Join(", ", p.Roles.Select(Names.Of)));
        foreach (var k in p.Keys) table.AddRow("key", $"{k.Address} {(k.Active ? "[green]active[/]" : $"retired {k.RetiredAt?.ToDateTimeOffset():u} ({Names.Of(k.RetirementReason)})")}");
        if (transaction is not null) table.AddRow("transaction", $"{transaction.TransactionHash} in block {transaction.BlockNumber}");
        s.Console.Write(table);
        return ExitCodes.Ok;
    }

}
