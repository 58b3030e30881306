using System.Text.Json;
using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Lineage.Records;
using Trace.Node.Tests.Lineage.Records;

namespace Trace.Node.Tests.Lineage;

/// <summary>The worked example of docs/lineage.md, read by the record reader and rolled up by the engine, gives the page's hand-computed figures.</summary>
public sealed class DocumentedRollupTests : IAsyncLifetime
{
    private static readonly EthereumAddress Mine = EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    private static readonly EthereumAddress Smelter = EthereumAddress.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
    private readonly LineageHarness _node = new(); // rail 0.025 kgCO2e per t·km, as the page's factor set

    public Task InitializeAsync() => _node.InitializeAsync();

    public Task DisposeAsync() => _node.DisposeAsync();

    [Fact]
    public async Task The_worked_example_rolls_up_to_the_documented_figures()
    {
        var reader = new LineageRecordReader();
        foreach (var row in DocumentedExamplesTests.DocumentedRecords())
        {
            using var document = JsonDocument.Parse((string)row[1]);
            var root = document.RootElement;
            var kind = root.GetProperty("recordType").GetString() switch
            {
                "trace.batch/v1" => RecordKind.Batch,
                "trace.transformation/v1" => RecordKind.Transformation,
                "trace.shipment/v1" => RecordKind.Shipment,
                _ => RecordKind.ProductCarbonFootprint,
            };
            var subject = root.TryGetProperty("transformationId", out var t) ? t.GetString()!
                : root.TryGetProperty("shipmentId", out var s) ? s.GetString()! : root.GetProperty("batchId").GetString()!;
            var record = reader.Read(kind, root, subject);
            // The mine issues the ore batch and its shipment; the smelter everything else.
            var issuer = subject.Contains("ORE", StringComparison.Ordinal) || kind == RecordKind.Shipment ? Mine : Smelter;
            await _node.SubmitAsync(record, issuer);
        }

        var pig = await _node.FootprintAsync("https://id.gs1.org/01/09506000134352/10/PIG-2611");
        var slag = await _node.FootprintAsync("urn:trace:batch:smelter-7:slag-2611");

        Assert.Equal((496_000m, 496m), (pig.Total, pig.PerUnit));
        Assert.Equal(124_000m, slag.Total);
        Assert.Equal((240_000m, 80_000m, 176_000m), (pig.Scope1, pig.Scope2, pig.Scope3));
        Assert.Equal(422_400m, pig.Primary);
    }
}
