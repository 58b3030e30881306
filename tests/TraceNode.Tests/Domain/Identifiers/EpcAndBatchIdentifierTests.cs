using Trace.Domain.Identifiers;

namespace Trace.Node.Tests.Domain.Identifiers;

public sealed class EpcAndBatchIdentifierTests
{
    // TDS example: GTIN 80614141123458 with serial 6789 is urn:epc:id:sgtin:0614141.812345.6789 (the indicator digit 8
    // leads the item reference field and moves back to the front of the GTIN; the check digit is recomputed).
    [Fact]
    public void Sgtin_rebuilds_the_gtin_with_indicator_digit_first_and_computed_check_digit()
    {
        Assert.True(EpcUrn.TryParse("urn:epc:id:sgtin:0614141.812345.6789", out var epc, out var error), error);
        Assert.Equal("80614141123458", epc.Gtin.Value);
        Assert.Equal("6789", epc.SerialOrLot);
        Assert.False(epc.IsLot);
    }

    [Fact]
    public void Lgtin_carries_gtin_and_decoded_lot()
    {
        Assert.True(EpcUrn.TryParse("urn:epc:class:lgtin:4012345.012345.998877%2FA", out var epc, out var error), error);
        Assert.Equal("04012345123456", epc.Gtin.Value);
        Assert.Equal("998877/A", epc.SerialOrLot);
        Assert.True(epc.IsLot);
    }

    [Theory]
    [InlineData("urn:epc:id:sgtin:0614141.11234.400")]     // 12 digits, not 13
    [InlineData("urn:epc:id:sgtin:06141.11234567.400")]    // company prefix shorter than 6
    [InlineData("urn:epc:id:sgtin:0614141.112345")]         // no serial
    [InlineData("urn:epc:id:sgtin:0614141.112345.a b")]     // space in serial
    [InlineData("urn:epc:id:sgtin:0614141.112345.123456789012345678901")] // serial of 21
    public void Epc_urns_with_bad_structure_are_refused(string urn)
    {
        Assert.False(EpcUrn.TryParse(urn, out _, out _));
    }

    [Theory]
    [InlineData("https://id.gs1.org/01/09506000134352/10/PIG-2611", BatchIdentifierKind.DigitalLink, "09506000134352", "PIG-2611")]
    [InlineData("https://resolver.brand.example/p/01/09506000134352/10/L1", BatchIdentifierKind.DigitalLink, "09506000134352", "L1")]
    [InlineData("urn:epc:class:lgtin:0614141.112345.LOT7", BatchIdentifierKind.EpcLgtin, "10614141123459", "LOT7")]
    [InlineData("urn:epc:id:sgtin:0614141.812345.6789", BatchIdentifierKind.EpcSgtin, "80614141123458", "6789")]
    [InlineData("urn:trace:batch:mine-3:ore-2026-10", BatchIdentifierKind.OtherUrn, null, null)]
    public void Batch_identifier_accepts_the_listed_schemes(string text, BatchIdentifierKind kind, string? gtin, string? lot)
    {
        Assert.True(BatchIdentifier.TryParse(text, out var id, out var error), error);
        Assert.Equal(kind, id.Kind);
        Assert.Equal(gtin, id.Gtin?.Value);
        Assert.Equal(lot, id.LotOrSerial);
    }

    [Theory]
    [InlineData("not a gs1 uri")]
    [InlineData("https://id.gs1.org/01/09506000134352")]            // no lot
    [InlineData("https://id.gs1.org/01/09506000134351/10/PIG-2611")] // bad check digit
    [InlineData("urn:epc:id:sgtin:0614141.1123.400")]
    [InlineData("URN:EPC:ID:SGTIN:0614141.112345.400")]
    [InlineData("urn:x")]
    public void Batch_identifier_refuses_other_text(string text)
    {
        Assert.False(BatchIdentifier.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("NLRTM", true)]
    [InlineData("CNNGB", true)]
    [InlineData("DEHA2", true)]
    [InlineData("NL RTM", false)]
    [InlineData("nlrtm", false)]
    [InlineData("NLRT1", false)]
    [InlineData("NLRT", false)]
    public void UnLocode_checks_the_syntax(string code, bool valid)
    {
        Assert.Equal(valid, UnLocode.IsValid(code));
    }
}
