using System.Text.RegularExpressions;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Verification;
using Trace.Domain;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Domain;

/// <summary>
/// The Domain enums carry the same numbers as the proto enums (the API maps them with an (int) cast, so a drift would be
/// silent) and as the contracts (kind codes are signed into every claim; verify() codes map onto verification statuses).
/// Read from protos/trace/v1 and contracts/src, so editing either side without the other fails here.
/// </summary>
public sealed partial class DomainEnumPinTests
{
    public static TheoryData<Type> ProtoMirrored => [typeof(RecordKind), typeof(RecordStatus), typeof(VerificationStatus), typeof(RecordChange)];

    [Theory]
    [MemberData(nameof(ProtoMirrored))]
    public void Domain_enum_has_the_proto_enums_names_and_numbers(Type domainEnum)
    {
        var proto = ProtoEnum("evidence.proto", domainEnum.Name);
        var prefix = UpperSnake(domainEnum.Name) + "_";
        var domain = Enum.GetValues(domainEnum).Cast<object>().ToDictionary(v => prefix + UpperSnake(v.ToString()!), Convert.ToInt32);

        Assert.Equal(0, proto[prefix + "UNSPECIFIED"]);
        Assert.Equal(proto.Where(p => p.Key != prefix + "UNSPECIFIED").OrderBy(p => p.Value), domain.OrderBy(d => d.Value));
    }

    [Fact]
    public void Record_kinds_are_exactly_the_kinds_the_registry_lets_issuers_sign()
    {
        // EvidenceRegistry.allowedIssuerRoles: "bool defined = (kind >= 1 && kind <= 8) || (kind >= 16 && kind <= 18);"
        var source = File.ReadAllText(Path.Combine(RepoRoot.Path, "contracts", "src", "EvidenceRegistry.sol"));
        var defined = DefinedKinds().Match(source);
        Assert.True(defined.Success, "allowedIssuerRoles no longer spells its defined kinds as two ranges; update this test");
        var onChain = defined.Groups["range"].Captures
            .Select(c => RangeBounds().Match(c.Value))
            .SelectMany(m => Enumerable.Range(int.Parse(m.Groups["low"].Value), int.Parse(m.Groups["high"].Value) - int.Parse(m.Groups["low"].Value) + 1))
            .ToList();

        Assert.Equal(onChain, Enum.GetValues<RecordKind>().Select(k => (int)k));
        Assert.Equal(onChain, Enumerable.Range(0, 256).Where(RecordKinds.IsDefined));
    }

    [Fact]
    public void Every_registry_verify_status_maps_by_its_number_to_the_verification_status_of_its_name()
    {
        var solidity = SolidityEnum("interfaces/IEvidenceRegistry.sol", "Status");
        for (var number = 0; number < solidity.Count; number++)
        {
            var name = solidity[number] == "VALID" ? "VERIFIED" : solidity[number];
            var expected = Enum.GetValues<VerificationStatus>().Single(s => UpperSnake(s.ToString()) == name);
            Assert.Equal(expected, ((VerificationCode)number).ToVerificationStatus());
        }
        Assert.Equal(solidity.Count, Enum.GetValues<VerificationCode>().Length);
    }

    /// <summary>"IssuerNotAuthorised" → "ISSUER_NOT_AUTHORISED".</summary>
    private static string UpperSnake(string pascal) => PascalWord().Replace(pascal, "_$1").TrimStart('_').ToUpperInvariant();

    private static Dictionary<string, int> ProtoEnum(string file, string name)
    {
        var source = File.ReadAllText(Path.Combine(RepoRoot.Path, "protos", "trace", "v1", file));
        var body = Regex.Match(source, $@"enum\s+{name}\s*\{{(?<body>[^}}]*)\}}");
        Assert.True(body.Success, $"no enum {name} in {file}");
        return ProtoMember().Matches(body.Groups["body"].Value).ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["number"].Value));
    }

    private static List<string> SolidityEnum(string file, string name)
    {
        var source = File.ReadAllText(Path.Combine(RepoRoot.Path, "contracts", "src", file));
        var body = Regex.Match(source, $@"enum\s+{name}\s*\{{(?<body>[^}}]*)\}}").Groups["body"].Value;
        return [.. Regex.Replace(body, @"//[^\n]*", "").Split(',').Select(s => s.Trim()).Where(s => s.Length > 0)];
    }

    [GeneratedRegex(@"(?<name>[A-Z][A-Z0-9_]*)\s*=\s*(?<number>\d+)\s*;")]
    private static partial Regex ProtoMember();

    [GeneratedRegex(@"([A-Z])")]
    private static partial Regex PascalWord();

    [GeneratedRegex(@"bool defined = (?:(?<range>\(kind >= \d+ && kind <= \d+\))(?: \|\| )?)+;")]
    private static partial Regex DefinedKinds();

    [GeneratedRegex(@"kind >= (?<low>\d+) && kind <= (?<high>\d+)")]
    private static partial Regex RangeBounds();
}
