using Trace.Api.Tests.Assurance;
using Trace.Api.Tests.Lineage;
using Trace.Api.Tests.Participants;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Provenance;

/// <summary>
/// A node seeded with the steel scenario (iron ore → pig iron → coil → door panels) through the real gRPC API: its six
/// organisations onboarded with identity documents through ParticipantService, every record submitted and CONFIRMED,
/// then the smelter's energy report revoked and the ore's rail shipment flagged by a regulator, so the door panels' page
/// shows verified records, a revoked one and a flagged one.
/// </summary>
public sealed class ProvenanceScenario : IAsyncLifetime
{
    /// <summary>The door panels' lot, as the scenario's batch record names it.</summary>
    public const string DoorPanelBatchId = "https://id.gs1.org/01/04012345000016/10/DP-2612-001";

    /// <summary>The organisations' legal names, by scenario participant.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["mine"] = "Carajás Iron Ore Mining S.A.", ["smelter"] = "São Luís Pig Iron Ltda", ["customs"] = "Dutch Customs Laboratory",
        ["carrier"] = "North Atlantic Bulk Shipping BV", ["mill"] = "IJmuiden Steel Works BV", ["partsMaker"] = "Wolfsburg Body Parts GmbH",
        ["regulator"] = "Netherlands Emissions Authority",
    };

    private static readonly IReadOnlyDictionary<string, string> Countries = new Dictionary<string, string>
    {
        ["mine"] = "BR", ["smelter"] = "BR", ["customs"] = "NL", ["carrier"] = "NL", ["mill"] = "NL", ["partsMaker"] = "DE",
    };

    public SteelScenarioNode Node { get; } = new();
    internal SteelScenario Scenario { get; private set; } = null!;

    /// <summary>The page's base address: the node's HTTP endpoint.</summary>
    public Uri Http => Node.Api.HttpAddress;

    public async Task InitializeAsync()
    {
        await Node.InitializeAsync();
        Scenario = new SteelScenario(Node);
        using var adminKey = EthereumKey.FromHex(AdminChannel.EmbeddedAdminKey);
        var admin = new ParticipantService.ParticipantServiceClient(
            SignedInChannel.As(Node.Api.RawChannel, adminKey));
        await Scenario.RegisterParticipantsAsync(async (name, key, roles) =>
        {
            var identity = Organisations.WithLei(Names[name], Countries[name]);
            var request = new RegisterParticipantRequest { Identity = identity, Keys = { key.ToString() } };
            request.Roles.Add(roles switch
            {
                ParticipantRoles.Supplier => ParticipantRole.Supplier,
                ParticipantRoles.Carrier => ParticipantRole.Carrier,
                _ => ParticipantRole.Verifier,
            });
            await admin.RegisterParticipantAsync(request);
        });
        await Scenario.SubmitStepsAsync();
        await Scenario.WaitAllConfirmedAsync();
        await Scenario.RelayRevocationAsync("smelter", "energy-report");

        // A customs authority, onboarded as a regulator, flags the ore's rail shipment through AssuranceService as itself.
        using var regulator = EthereumKey.Generate();
        await admin.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            Identity = Organisations.WithLei(Names["regulator"], "NL"), Keys = { regulator.Address.ToString() }, Roles = { ParticipantRole.Regulator },
        });
        var actors = new AssuranceActors(Node.Api, Node.Node, Node.EvidenceRegistry);
        await actors.AssuranceAs(regulator).FlagRecordAsync(
            await actors.SignerFor(regulator).FlagAsync(actors.Registry, Scenario.RecordId("ore-rail"), FlagReason.UnderInvestigation, "wet tonnes declared as cargo mass"));

        // The revocation and the flag reach the footprints through the registry's events, Chain:Confirmations deep.
        var lineage = new LineageService.LineageServiceClient(Node.Api.Channel);
        var withdrawn = new[] { Scenario.RecordId("energy-report"), Scenario.RecordId("ore-rail") };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var footprint = (await lineage.GetFootprintAsync(new GetFootprintRequest { BatchId = DoorPanelBatchId })).Footprint;
            if (withdrawn.All(id => footprint.WithdrawnEvidence.Any(w => w.RecordId == id))) break;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the energy report's revocation or the ore shipment's flag did not reach the door panels' footprint");
            await Task.Delay(300);
        }
    }

    public Task DisposeAsync() => Node.DisposeAsync();
}
