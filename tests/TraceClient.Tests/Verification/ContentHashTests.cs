using System.Security.Cryptography;
using System.Text;
using Trace.Client.Claims;
using Trace.Client.Verification;
using Trace.Protos.V1;

namespace Trace.Client.Tests.Verification;

/// <summary>A copy of a structured record is checked as canonical JSON: formatting does not matter, a changed value does.</summary>
public sealed class ContentHashTests
{
    [Fact]
    public void A_pretty_printed_copy_of_a_sealed_record_matches_its_content_hash_and_an_edited_one_does_not()
    {
        var sealedRecord = SaltedRecord.Seal("""{"recordType":"trace.batch/v1","batchId":"urn:x:1","quantity":{"amount":"12.5","unit":"KGM"}}""");
        var pretty = System.Text.Json.Nodes.JsonNode.Parse(sealedRecord.CanonicalJson)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

        var (hash, form) = ContentHash.Matching(Encoding.UTF8.GetBytes(pretty), sealedRecord.ContentHash);
        Assert.Equal(sealedRecord.ContentHash, hash);
        Assert.Equal(ContentHash.Form.CanonicalJson, form);

        var (edited, _) = ContentHash.Matching(Encoding.UTF8.GetBytes(pretty.Replace("12.5", "13.5", StringComparison.Ordinal)), sealedRecord.ContentHash);
        Assert.NotEqual(sealedRecord.ContentHash, edited);
    }

    [Fact]
    public void A_document_is_hashed_as_given()
    {
        var bytes = Encoding.UTF8.GetBytes("plain text, not JSON");
        var (hash, form) = ContentHash.Matching(bytes, new byte[32]);
        Assert.Equal(SHA256.HashData(bytes), hash);
        Assert.Equal(ContentHash.Form.Bytes, form);
    }

    [Theory]
    [InlineData("""{"recordType":"trace.batch/v1","batchId":"urn:b:1"}""", RecordKind.Batch, "urn:b:1")]
    [InlineData("""{"recordType":"trace.shipment/v1","shipmentId":"urn:s:1"}""", RecordKind.Shipment, "urn:s:1")]
    [InlineData("""{"recordType":"trace.transformation/v1","transformationId":"urn:t:1"}""", RecordKind.Transformation, "urn:t:1")]
    [InlineData("""{"recordType":"trace.footprint-declaration/v1","batchId":"urn:b:2"}""", RecordKind.ProductCarbonFootprint, "urn:b:2")]
    public void A_lineage_record_names_its_kind_and_subject(string json, RecordKind kind, string subject)
    {
        var described = LineageRecordType.Describe(json);
        Assert.Equal((kind, subject), (described.Kind, described.SubjectId));
    }

    [Fact]
    public void A_record_without_a_known_record_type_is_refused_naming_the_member()
    {
        Assert.StartsWith("recordType:", Assert.Throws<ArgumentException>(() => LineageRecordType.Describe("""{"recordType":"x"}""")).Message);
        Assert.StartsWith("batchId:", Assert.Throws<ArgumentException>(() => LineageRecordType.Describe("""{"recordType":"trace.batch/v1"}""")).Message);
    }
}
