using System.Security.Cryptography;
using Trace.Protos.V1;

namespace Trace.Cli.Demo;

/// <summary>An organisation the demo onboards: its scenario name, legal name, country and role; its GLN is drawn at random.</summary>
internal sealed record DemoOrganisation(string Name, string LegalName, string Country, ParticipantRole Role)
{
    /// <summary>The cast: the scenario's six issuers, the buyer in Rotterdam and a regulator.</summary>
    public static IReadOnlyList<DemoOrganisation> Cast { get; } =
    [
        new("mine", "Serra Norte Iron Ore S.A.", "BR", ParticipantRole.Supplier),
        new("smelter", "São Luís Gusa Ltda.", "BR", ParticipantRole.Supplier),
        new("customs", "Rotterdam Customs Laboratory", "NL", ParticipantRole.Verifier),
        new("carrier", "Atlantic Bulk Lines B.V.", "NL", ParticipantRole.Carrier),
        new("mill", "IJmond Steel B.V.", "NL", ParticipantRole.Supplier),
        new("partsMaker", "Wolfsburg Body Parts GmbH", "DE", ParticipantRole.Supplier),
        new("buyer", "Rotterdam Auto Assembly B.V.", "NL", ParticipantRole.Buyer),
        new("regulator", "CBAM Competent Authority (demo)", "NL", ParticipantRole.Regulator),
    ];

    /// <summary>A random GLN (13 digits, GS1 check digit) so the demo can onboard its cast again on the same chain.</summary>
    public static string RandomGln()
    {
        var digits = "87" + string.Concat(Enumerable.Range(0, 10).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return digits + (char)('0' + (10 - sum % 10) % 10);
    }
}
