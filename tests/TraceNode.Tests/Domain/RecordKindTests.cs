using Trace.Domain;

namespace Trace.Node.Tests.Domain;

public sealed class RecordKindTests
{
    // The codes are inside signed claims: changing one would change every digest that uses it.
    [Theory]
    [InlineData(RecordKind.SupplierEsgFile, 1)]
    [InlineData(RecordKind.EnvironmentalImpactReport, 2)]
    [InlineData(RecordKind.CustomsEnvironmentalCertificate, 3)]
    [InlineData(RecordKind.TransportRecord, 4)]
    [InlineData(RecordKind.EnergyReading, 5)]
    [InlineData(RecordKind.Certification, 6)]
    [InlineData(RecordKind.ProductCarbonFootprint, 7)]
    [InlineData(RecordKind.Other, 8)]
    [InlineData(RecordKind.Batch, 16)]
    [InlineData(RecordKind.Transformation, 17)]
    [InlineData(RecordKind.Shipment, 18)]
    public void Kind_codes_are_the_signed_uint8_values(RecordKind kind, int code)
    {
        Assert.Equal(code, (int)kind);
        Assert.True(RecordKinds.IsDefined(code));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(19)]
    [InlineData(255)]
    public void Undefined_codes_are_rejected(int code) => Assert.False(RecordKinds.IsDefined(code));

    [Fact]
    public void Every_enum_member_is_defined_and_only_lineage_kinds_count_as_lineage()
    {
        Assert.All(Enum.GetValues<RecordKind>(), k => Assert.True(RecordKinds.IsDefined((int)k)));
        Assert.Equal([RecordKind.Batch, RecordKind.Transformation, RecordKind.Shipment], Enum.GetValues<RecordKind>().Where(RecordKinds.IsLineage));
    }
}
