using System.Text.RegularExpressions;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Verification;
using Trace.Domain;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts;

/// <summary>The C# enums mirror the Solidity ones value for value, read from the contract sources.</summary>
public sealed partial class RegistryEnumTests
{
    [Fact]
    public void VerificationCode_lists_IEvidenceRegistry_Status_in_order()
    {
        var solidity = SolidityEnum("interfaces/IEvidenceRegistry.sol", "Status");
        Assert.Equal(solidity.Select(Pascal), Enum.GetValues<VerificationCode>().OrderBy(v => (byte)v).Select(v => v.ToString()));
    }

    [Fact]
    public void KeyStanding_lists_IParticipantRegistry_Standing_in_order()
    {
        var solidity = SolidityEnum("interfaces/IParticipantRegistry.sol", "Standing");
        Assert.Equal(solidity, Enum.GetValues<KeyStanding>().OrderBy(v => (byte)v).Select(v => v.ToString()));
    }

    [Fact]
    public void ParticipantRoles_match_the_Roles_library_bits()
    {
        var source = File.ReadAllText(Path.Combine(RepoRoot.Path, "contracts", "src", "interfaces", "IParticipantRegistry.sol"));
        foreach (Match m in RoleBit().Matches(source))
            Assert.Equal(1 << int.Parse(m.Groups["bit"].Value), (int)Enum.Parse<ParticipantRoles>(Pascal(m.Groups["name"].Value)));
        Assert.Equal(6, RoleBit().Matches(source).Count);
    }

    [Fact]
    public void Every_verification_code_maps_to_the_record_status_of_the_same_name()
    {
        foreach (var code in Enum.GetValues<VerificationCode>())
        {
            var expected = code == VerificationCode.Valid ? nameof(VerificationStatus.Verified) : code.ToString();
            Assert.Equal(expected, code.ToVerificationStatus().ToString());
        }
    }

    private static List<string> SolidityEnum(string file, string name)
    {
        var source = File.ReadAllText(Path.Combine(RepoRoot.Path, "contracts", "src", file));
        var body = Regex.Match(source, $@"enum\s+{name}\s*\{{(?<body>[^}}]*)\}}").Groups["body"].Value;
        var withoutComments = Regex.Replace(body, @"//[^\n]*", "");
        return [.. withoutComments.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0)];
    }

    /// <summary>UNKNOWN_ROOT → UnknownRoot; OPERATOR → Operator.</summary>
    private static string Pascal(string upperSnake) =>
        string.Concat(upperSnake.Split('_').Select(w => w[..1] + w[1..].ToLowerInvariant()));

    [GeneratedRegex(@"uint16 internal constant (?<name>[A-Z]+) = 1 << (?<bit>\d+);")]
    private static partial Regex RoleBit();
}
