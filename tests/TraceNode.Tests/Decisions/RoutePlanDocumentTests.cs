using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Trace.Domain.Lineage;
using Trace.Node.Decisions.Plans;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Decisions;

/// <summary>The route plan document: the one docs/decisions.md prints is what the node writes, and its id is its SHA-256.</summary>
public sealed partial class RoutePlanDocumentTests
{
    // docs/decisions.md, "Route plans": Port Hedland → Ningbo, 1,000 t by sea at a measured 0.004 kgCO2e/t·km.
    private static readonly RoutePlan Documented = new("AUPHE", "CNNGB", 1000m, 20m, 1m, "trace-transport-factors-2026.1", null, 22400m, 14m,
        [new RoutePlanLeg("sea-PHE-NGB", TransportMode.Sea, "AUPHE", "CNNGB", 5600m, 14m, 0m, 0.004m, true, "Pilbara bulk fleet, measured 2025", 22400m)]);

    private static string DocumentedJson()
    {
        var markdown = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "decisions.md"));
        return DocumentedBlock().Match(markdown).Groups[1].Value;
    }

    [Fact]
    public void The_documented_plan_is_the_canonical_document_the_node_writes_and_its_id_is_the_documented_SHA_256()
    {
        var document = RoutePlanDocument.Encode(Documented);
        Assert.Equal(DocumentedJson(), Encoding.UTF8.GetString(document));
        Assert.Equal("0x08c293255e69ef4366ad4dc6f14f23fd968dc68082cae1f7018034d6bf17e731", RoutePlanDocument.IdOf(document));
        Assert.Equal(RoutePlanDocument.IdOf(document), "0x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DocumentedJson()))));
    }

    [Fact]
    public void A_plan_read_back_from_its_document_writes_the_same_bytes()
    {
        var twoLegs = Documented with
        {
            FactorSetRecordId = "0x" + new string('c', 64),
            Legs = [.. Documented.Legs, new RoutePlanLeg("rail-NGB-XIA", TransportMode.Rail, "CNNGB", "CNXIA", 1500.5m, 3.25m, 1m, 0.025m, false, "trace-transport-factors-2026.1", 37512.5m)],
        };
        var document = RoutePlanDocument.Encode(twoLegs);
        var read = RoutePlanDocument.Decode(document);
        Assert.Equal(document, RoutePlanDocument.Encode(read));
        Assert.Equal((false, "rail-NGB-XIA", 1500.5m, 1m), (read.Legs[1].Measured, read.Legs[1].LaneId, read.Legs[1].DistanceKm, read.Legs[1].TransferDaysBefore));
    }

    [Fact]
    public void A_plan_priced_for_another_cargo_is_linear_in_the_mass_leg_by_leg()
    {
        // 5600 × 1500 × 0.004 = 33,600; with a rail leg of 250 km at 0.025: + 250 × 1500 × 0.025 = 9,375.
        Assert.Equal(33600m, Documented.KgCo2eFor(1500m));
        var withRail = Documented with { Legs = [.. Documented.Legs, new RoutePlanLeg("r", TransportMode.Rail, "CNNGB", "CNXIA", 250m, 1m, 1m, 0.025m, false, "v", 6250m)] };
        Assert.Equal(42975m, withRail.KgCo2eFor(1500m));
        Assert.Equal(Documented.KgCo2e, Documented.KgCo2eFor(Documented.CargoTonnes));
    }

    [Theory]
    [InlineData("{\"format\":\"trace.batch-manifest/1\"}")]
    [InlineData("not json")]
    [InlineData("{\"format\":\"trace.route-plan/1\",\"origin\":\"AUPHE\"}")]
    public void Bytes_that_are_not_a_route_plan_are_refused_as_a_format_error(string text) =>
        Assert.Throws<FormatException>(() => RoutePlanDocument.Decode(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"### Route plans.*?```json\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex DocumentedBlock();
}
