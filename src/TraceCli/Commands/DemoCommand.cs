using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Spectre.Console;
using Trace.Chain.Rpc;
using Trace.Cli.Cli;
using Trace.Cli.Demo;
using Trace.Client;
using Trace.Client.Claims;
using Trace.Client.Verification;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Cli.Commands;

/// <summary>
/// <c>trace demo</c>: against a node (the embedded default: <c>bash scripts/start.sh</c>), onboards eight organisations
/// with the registry admin key, plays the steel scenario (mine → smelter → steel mill → parts maker, rail and sea legs,
/// a customs certificate, a correction and a revocation) and ends with the buyer's verified footprint and the URL of
/// the door panels' provenance page.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Anvil's development account #1: the embedded node's registry admin (public knowledge; never on a real chain).</summary>
    private const string EmbeddedAdminKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    public static Command Create()
    {
        var admin = new Option<bool>("--admin-key") { Description = "Onboard with --key (the registry admin's key) instead of the embedded node's development admin key (needed on an external chain)" };
        var command = new Command("demo", "Onboard a supply chain and play it: ore to door panels, ending with a verified footprint and its provenance page URL") { admin };
        Run.Action(command, async (s, ct) =>
        {
            var client = await s.ClientAsync(ct);
            using var embeddedAdmin = s.Value(admin) ? null : EthereumKey.FromHex(EmbeddedAdminKey);
            if (embeddedAdmin is not null && client.Info.ChainMode != "embedded")
                throw CliException.BadInput($"the node at {s.NodeUrl} anchors to an external chain: run the demo with --admin-key --key ADMIN (the registry admin's key)");
            var adminKey = embeddedAdmin ?? s.Key();
            return await new DemoRun(s, client, adminKey).PlayAsync(ct);
        });
        return command;
    }

    private sealed class DemoRun(Session s, TraceClient client, EthereumKey adminKey)
    {
        private readonly Dictionary<string, ClaimSigner> _signers = [];
        private readonly Dictionary<string, string> _participantIds = [];
        private readonly Dictionary<string, string> _records = [];
        private readonly List<EthereumKey> _keys = [];
        private SteelScenario _scenario = null!;
        private string? _flagged;

        public async Task<int> PlayAsync(CancellationToken ct)
        {
            try
            {
                s.Say($"[bold]Trace demo[/] against {Ui.Safe(s.NodeUrl.ToString())}: chain {client.Info.ChainId} ({Ui.Safe(client.Info.ChainMode)}), RPC {Ui.Safe(client.Info.RpcUrl)}");
                var tag = await AlreadyPlayedAsync(ct) ? SteelScenario.NewTag() : null;
                _scenario = SteelScenario.Load(tag);
                if (tag is not null) s.Say($"[grey]this node has played the demo before: this run's lots and shipments carry the suffix {tag}[/]");

                await OnboardAsync(ct);
                await SupplyChainAsync(ct);
                await WithdrawalsAsync(ct);
                await AssuranceAsync(ct);
                return await BuyerAsync(ct);
            }
            finally
            {
                foreach (var key in _keys) key.Dispose();
            }
        }

        private async Task<bool> AlreadyPlayedAsync(CancellationToken ct)
        {
            try
            {
                await client.GetFootprintAsync(SteelScenario.Load(null).DoorPanels, ct: ct);
                return true;
            }
            catch (TraceRecordNotFoundException)
            {
                return false;
            }
        }

        private async Task OnboardAsync(CancellationToken ct)
        {
            s.Say("\n[bold]1. The registry admin onboards eight organisations[/] (ParticipantService, one registry transaction each)");
            client.Tokens.Add(adminKey);
            var table = new Table().AddColumns("role", "organisation", "participant", "key");
            foreach (var organisation in DemoOrganisation.Cast)
            {
                var key = EthereumKey.Generate();
                _keys.Add(key);
                client.Tokens.DefaultKey = adminKey;
                var request = new RegisterParticipantRequest
                {
                    Identity = new IdentityDocument { LegalName = organisation.LegalName, Country = organisation.Country, Gln = DemoOrganisation.RandomGln(), ContactEmail = $"{organisation.Name.ToLowerInvariant()}@example.com" },
                    Roles = { organisation.Role },
                    Keys = { key.Address.ToString() },
                };
                var answer = await client.Participants.RegisterParticipantAsync(request, cancellationToken: ct);
                _signers[organisation.Name] = client.SignerFor(key);
                _participantIds[organisation.Name] = answer.Participant.ParticipantId;
                table.AddRow(Names.Of(organisation.Role), Ui.Safe(organisation.LegalName), Ui.Safe(answer.Participant.ParticipantId), key.Address.ToString());
            }
            if (!s.Json) s.Console.Write(table);
        }

        private async Task SupplyChainAsync(CancellationToken ct)
        {
            s.Say("\n[bold]2. Each organisation signs and submits its records[/] (EIP-712 claims; lineage records are checked against everything already accepted)");
            foreach (var step in _scenario.Steps) await SubmitAsync(step, ct);
            await ConfirmAllAsync(ct);
        }

        private async Task WithdrawalsAsync(CancellationToken ct)
        {
            s.Say("\n[bold]3. Corrections[/]");
            var correction = _scenario.Correction;
            await SubmitAsync(correction, ct);
            var corrected = correction.GetProperty("name").GetString()!;
            var original = correction.GetProperty("supersedes").GetString()!;
            await client.WaitForStatusAsync(_records[corrected], RecordStatus.Anchored, ct);
            await client.RevokeAsync(_signers[correction.GetProperty("issuer").GetString()!], _records[original], _records[corrected], ct: ct);
            s.Say($"  the smelter corrected its smelting record: {_records[original][..12]}… is [yellow]superseded[/] by {_records[corrected][..12]}…; every footprint downstream takes the new figures");
            var (issuer, revoked) = _scenario.Revocation;
            await client.RevokeAsync(_signers[issuer], _records[revoked], ct: ct);
            s.Say($"  the smelter [red]revoked[/] its energy report {_records[revoked][..12]}…: the figures citing it no longer count as verified");
            await WaitWithdrawnAsync(_records[original], ct);
            await WaitWithdrawnAsync(_records[revoked], ct);
            await client.WaitForStatusAsync(_records[corrected], RecordStatus.Confirmed, ct);
        }

        // The verifier's endorsement and the regulator's flag are relayed by AssuranceService; a node without it says UNIMPLEMENTED and the story goes on.
        private async Task AssuranceAsync(CancellationToken ct)
        {
            s.Say("\n[bold]4. Assurance[/]");
            try
            {
                var corrected = _scenario.Correction.GetProperty("name").GetString()!;
                await client.EndorseAsync(_signers["customs"], _records[corrected], EndorsementCode.LimitedAssurance, ct);
                s.Say($"  the customs laboratory (a verifier) [green]endorsed[/] the corrected smelting record {_records[corrected][..12]}… (limited assurance)");
                await client.FlagAsync(_signers["regulator"], _records["ore-rail"], FlagReason.UnderInvestigation, "wet tonnes declared as cargo mass; under review", ct);
                _flagged = _records["ore-rail"];
                s.Say($"  the regulator [red]flagged[/] the ore's rail shipment {_flagged[..12]}… (under investigation): footprints resting on it count it as withdrawn until the flag is closed");
            }
            catch (TraceClientException e) when (e.StatusCode == Grpc.Core.StatusCode.Unimplemented)
            {
                s.Say("  [grey]this node does not relay endorsements and flags yet (AssuranceService answers UNIMPLEMENTED)[/]");
            }
        }

        private async Task<int> BuyerAsync(CancellationToken ct)
        {
            var batchId = _scenario.DoorPanels;
            s.Say("\n[bold]5. The buyer in Rotterdam checks the door panels[/]");
            client.Tokens.DefaultKey = _signers["regulator"].Key;
            var lineage = await client.GetUpstreamLineageAsync(batchId, 0, ct);
            client.Tokens.DefaultKey = _signers["buyer"].Key;
            var footprint = await FootprintAfterWithdrawalsAsync(batchId, ct);
            var batchRecord = footprint.BatchRecordId;
            var bundleJson = (await client.GetProofBundleAsync(batchRecord, ct)).BundleJson;
            var bundle = ProofBundleJson.Parse(bundleJson);
            using var rpc = new JsonRpcClient(new Uri(client.Info.RpcUrl));
            var eth = new EthRpc(rpc);
            var outcome = await new BundleVerifier(eth).VerifyAsync(bundle, null, "content", ct);
            var facts = await AnchorFacts.ReadAsync(bundle, eth, ct);
            var statement = new ProofStatement(Enum.Parse<VerificationStatus>(outcome.Status.ToString()), RecordKind.Batch, batchId,
                bundle.Claim.Issuer.ToString(), facts.IssuerParticipantId, facts.AnchoredAt, bundle.BlockNumber, bundle.AnchorChainId, null, false);
            var pageUrl = PageUrl(batchId);
            if (s.Json)
            {
                Session.WriteJson(new JsonObject
                {
                    ["batchId"] = batchId,
                    ["participants"] = new JsonObject(_participantIds.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                    ["records"] = new JsonObject(_records.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                    ["footprint"] = Session.ToJson(footprint),
                    ["lineageBatches"] = lineage.Nodes.Count,
                    ["verification"] = new JsonObject { ["status"] = statement.StatusName, ["statement"] = statement.Sentence(), ["recordId"] = batchRecord },
                    ["pageUrl"] = pageUrl,
                });
            }
            else
            {
                s.Console.MarkupLine(Ui.Format($"  the lineage, as the regulator reads it (`trace lineage {batchId}`):"));
                if (LineageCommand.Tree(batchId, lineage.Nodes, lineage.Edges, down: false) is { } tree) s.Console.Write(tree);
                s.Console.MarkupLine("  " + Ui.Safe(statement.Sentence()));
                FootprintCommand.Print(s.Console, footprint);
                s.Console.MarkupLine(Ui.Format($"\n[bold]Footprint: {FootprintCommand.Round(footprint.KgCo2EPerUnit)} kgCO2e per door panel[/] ({FootprintCommand.Percent(footprint.VerifiedShare)} verified, {FootprintCommand.Percent(footprint.PrimaryShare)} primary data)"));
                s.Console.MarkupLine(Ui.Format($"[bold]Provenance page:[/] {pageUrl ?? "(the node serves no HTTP endpoint: Api:HttpUrl is empty)"}"));
            }
            return outcome.Status == Trace.Domain.VerificationStatus.Verified ? ExitCodes.Ok : ExitCodes.Negative;
        }

        // Footprints downstream of a withdrawal or flag are recomputed after the index records it: wait until the door panels' says so.
        private async Task<Footprint> FootprintAfterWithdrawalsAsync(string batchId, CancellationToken ct)
        {
            var expected = new[] { _records[_scenario.Revocation.Step], _flagged }.OfType<string>().ToList();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            while (true)
            {
                var footprint = await client.GetFootprintAsync(batchId, ct: timeout.Token);
                if (expected.All(id => footprint.WithdrawnEvidence.Any(w => w.RecordId == id))) return footprint;
                await Task.Delay(250, timeout.Token);
            }
        }

        private string? PageUrl(string batchId)
        {
            if (client.Info.HttpUrl.Length == 0) return null;
            var at = batchId.IndexOf("/01/", StringComparison.Ordinal);
            return client.Info.HttpUrl.TrimEnd('/') + batchId[at..];
        }

        private async Task SubmitAsync(System.Text.Json.JsonElement step, CancellationToken ct)
        {
            var name = step.GetProperty("name").GetString()!;
            var issuer = step.GetProperty("issuer").GetString()!;
            var signer = _signers[issuer];
            var subject = _scenario.Subject(step);
            var kind = SteelScenario.Kind(step);
            EvidenceRecord record;
            if (step.TryGetProperty("document", out var document))
            {
                var content = Encoding.UTF8.GetBytes(_scenario.Text(document.GetString()!, Address, RecordOf));
                var header = signer.DocumentHeader(DocumentDigest.Of(content), kind, subject, step.GetProperty("mediaType").GetString()!, Path.GetFileName(document.GetString()));
                using var stream = new MemoryStream(content);
                record = (await client.SubmitDocumentAsync(header, stream, ct)).Record;
            }
            else
            {
                var json = _scenario.Text(step.GetProperty("record").GetString()!, Address, RecordOf);
                record = (await client.SubmitRecordAsync(signer.StructuredRecord(subject, kind, json), ct)).Record;
            }
            _records[name] = record.Id;
            s.Say($"  {Ui.Safe(issuer),-11} {Names.Of(kind),-38} {Ui.Safe(subject)} [green]accepted[/] {record.Id[..12]}…");
        }

        private async Task ConfirmAllAsync(CancellationToken ct)
        {
            var pending = _records.Values.ToList();
            if (s.Json)
            {
                foreach (var id in pending) await client.WaitForStatusAsync(id, RecordStatus.Confirmed, ct);
                return;
            }
            await s.Console.Status().StartAsync($"anchoring {pending.Count} records in Merkle batches and waiting for confirmations…", async _ =>
            {
                foreach (var id in pending) await client.WaitForStatusAsync(id, RecordStatus.Confirmed, ct);
            });
            s.Say($"  all {pending.Count} records [green]confirmed[/] on chain {client.Info.ChainId}");
        }

        // The node indexes a withdrawal once the registry's event is Chain:Confirmations deep: poll the record until it shows.
        private async Task WaitWithdrawnAsync(string recordId, CancellationToken ct)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            while ((await client.GetRecordAsync(recordId, timeout.Token)).Revocation is null) await Task.Delay(250, timeout.Token);
        }

        private string Address(string participant) => _signers[participant].Address.ToString();

        private string RecordOf(string step) => _records.TryGetValue(step, out var id) ? id : throw new InvalidOperationException($"{{{{record:{step}}}}}: no such step submitted yet");
    }
}
