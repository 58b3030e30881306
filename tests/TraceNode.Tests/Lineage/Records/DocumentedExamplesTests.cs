using System.Text.Json;
using System.Text.RegularExpressions;
using Trace.Domain;
using Trace.Node.Lineage.Records;
using Trace.Tests.Support;

namespace Trace.Node.Tests.Lineage.Records;

/// <summary>The JSON records printed in docs/lineage.md are valid records, and the embedded schemas are the published files.</summary>
public sealed partial class DocumentedExamplesTests
{
    private static readonly string RepoRoot = Path.GetFullPath(Path.Combine(VectorFiles.Path("."), "..", ".."));

    public static TheoryData<int, string> DocumentedRecords()
    {
        var data = new TheoryData<int, string>();
        var markdown = File.ReadAllText(Path.Combine(RepoRoot, "docs", "lineage.md"));
        var i = 0;
        foreach (Match block in JsonBlock().Matches(markdown))
            if (block.Groups[1].Value.Contains("\"recordType\"", StringComparison.Ordinal)) data.Add(i++, block.Groups[1].Value);
        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedRecords))]
    public void Every_record_printed_in_the_docs_passes_intake_checks(int index, string json)
    {
        using var document = JsonDocument.Parse(json);
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
        var record = new LineageRecordReader().Read(kind, root, subject);
        Assert.True(index >= 0 && record.Identifier == subject);
    }

    [Fact]
    public void The_docs_print_a_record_of_every_kind()
    {
        var kinds = DocumentedRecords().Select(row => JsonDocument.Parse((string)row[1]).RootElement.GetProperty("recordType").GetString()).Distinct().ToList();
        Assert.Equal(4, kinds.Count);
    }

    [Theory]
    [InlineData(RecordKind.Batch)]
    [InlineData(RecordKind.Transformation)]
    [InlineData(RecordKind.Shipment)]
    [InlineData(RecordKind.ProductCarbonFootprint)]
    public void Embedded_schema_is_the_published_file(RecordKind kind)
    {
        var published = File.ReadAllText(Path.Combine(RepoRoot, "docs", "schemas", LineageRecordKinds.SchemaFile(kind)));
        Assert.Equal(published, LineageRecordSchemas.Text(kind));
    }

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
