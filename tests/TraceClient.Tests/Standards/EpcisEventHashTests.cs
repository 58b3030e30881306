using System.Text.Json;
using System.Text.Json.Nodes;
using Trace.Client.Standards.Epcis.EventHash;
using Trace.Tests.Support;

namespace Trace.Client.Tests.Standards;

/// <summary>
/// The GS1 EPCIS Event Hash ID (CBV 2.0 §8.9) against the reference implementation's expected pre-hash strings and hash
/// IDs (tests/vectors/epcis-event-hash, RalphTro/epcis-event-hash-generator, MIT), to the byte; then the properties the
/// algorithm exists for: member order and whitespace do not change the hash, any value change does.
/// </summary>
public sealed class EpcisEventHashTests
{
    private const string Folder = "epcis-event-hash";

    /// <summary>Every event of every vector document: (document, event index).</summary>
    public static TheoryData<string, int> Events()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in Directory.GetFiles(VectorFiles.Path(Folder), "*.jsonld").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var count = document.RootElement.GetProperty("epcisBody").GetProperty("eventList").GetArrayLength();
            for (var i = 0; i < count; i++) data.Add(name, i);
        }
        return data;
    }

    private static (JsonElement Event, EpcisJsonLdContext Context) Load(string name, int index)
    {
        var document = JsonDocument.Parse(File.ReadAllText(VectorFiles.Path($"{Folder}/{name}.jsonld"))).RootElement;
        return (document.GetProperty("epcisBody").GetProperty("eventList")[index], EpcisJsonLdContext.Of(document));
    }

    private static string Expected(string name, string extension, int index) =>
        File.ReadAllLines(VectorFiles.Path($"{Folder}/{name}.{extension}"))[index];

    [Fact]
    public void Every_vector_document_has_a_pre_hash_and_a_hash_line_per_event()
    {
        var documents = Directory.GetFiles(VectorFiles.Path(Folder), "*.jsonld");
        Assert.True(documents.Length >= 13, $"{documents.Length} vector documents");
        foreach (var path in documents)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var count = document.RootElement.GetProperty("epcisBody").GetProperty("eventList").GetArrayLength();
            Assert.Equal(count, File.ReadAllLines(Path.ChangeExtension(path, "prehashes")).Length);
            Assert.Equal(count, File.ReadAllLines(Path.ChangeExtension(path, "hashes")).Length);
        }
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Pre_hash_string_matches_the_reference_to_the_byte(string document, int index)
    {
        var (ev, context) = Load(document, index);
        Assert.Equal(Expected(document, "prehashes", index), EpcisPreHash.Of(ev, context));
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Event_hash_id_matches_the_reference(string document, int index)
    {
        var (ev, context) = Load(document, index);
        var hash = EpcisEventHashId.Of(ev, context);
        Assert.Equal(Expected(document, "hashes", index), hash);
        Assert.Matches("^ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0$", hash);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Reordering_members_and_reformatting_whitespace_keeps_the_hash(string document, int index)
    {
        var (ev, context) = Load(document, index);
        var reordered = Reverse(JsonNode.Parse(ev.GetRawText())!);
        var compact = JsonDocument.Parse(reordered.ToJsonString()).RootElement;
        var indented = JsonDocument.Parse(reordered.ToJsonString(new JsonSerializerOptions { WriteIndented = true })).RootElement;
        Assert.NotEqual(ev.GetRawText(), compact.GetRawText());
        Assert.Equal(EpcisEventHashId.Of(ev, context), EpcisEventHashId.Of(compact, context));
        Assert.Equal(EpcisEventHashId.Of(ev, context), EpcisEventHashId.Of(indented, context));
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Changing_any_hashed_value_changes_the_hash(string document, int index)
    {
        var (ev, context) = Load(document, index);
        var original = EpcisEventHashId.Of(ev, context);
        var node = JsonNode.Parse(ev.GetRawText())!;
        var changed = 0;
        foreach (var (path, mutate) in Mutations(node, ""))
        {
            var copy = JsonNode.Parse(ev.GetRawText())!;
            mutate(copy);
            var hash = EpcisEventHashId.Of(JsonDocument.Parse(copy.ToJsonString()).RootElement, context);
            Assert.True(hash != original, $"changing {path} left the hash {hash}");
            changed++;
        }
        Assert.True(changed > 3, $"only {changed} values mutated");
    }

    [Fact]
    public void Ignored_members_do_not_change_the_hash()
    {
        var (ev, context) = Load("epcisDocHavingEventWithComment", 0);
        var node = JsonNode.Parse(ev.GetRawText())!.AsObject();
        node["eventID"] = "urn:uuid:6c3b8f1e-0000-4000-8000-000000000001";
        node["recordTime"] = "2030-01-01T00:00:00Z";
        node["rdfs:comment"] = "another comment";
        node["certificationInfo"] = "https://cert.example.org/1";
        node["errorDeclaration"] = new JsonObject { ["declarationTime"] = "2030-01-01T00:00:00Z", ["reason"] = "incorrect_data" };
        Assert.Equal(EpcisEventHashId.Of(ev, context), EpcisEventHashId.Of(JsonDocument.Parse(node.ToJsonString()).RootElement, context));
    }

    [Fact]
    public void Urn_web_uri_and_bare_forms_of_the_same_event_hash_alike()
    {
        var context = EpcisJsonLdContext.Default;
        var urns = JsonDocument.Parse("""
            {"type":"ObjectEvent","eventTime":"2024-05-01T14:00:00+02:00","eventTimeZoneOffset":"+02:00","action":"OBSERVE",
             "epcList":["urn:epc:id:sgtin:0614141.107346.2017"],"bizStep":"urn:epcglobal:cbv:bizstep:shipping",
             "disposition":"urn:epcglobal:cbv:disp:in_transit","readPoint":{"id":"urn:epc:id:sgln:0614141.07346.1234"},
             "quantityList":[{"epcClass":"urn:epc:class:lgtin:4012345.012345.998877","quantity":200.50,"uom":"KGM"}]}
            """).RootElement;
        var web = JsonDocument.Parse("""
            {"type":"ObjectEvent","eventTime":"2024-05-01T12:00:00.000Z","eventTimeZoneOffset":"+02:00","action":"OBSERVE",
             "epcList":["https://example.com/gtin/10614141073464/ser/2017?linkType=all"],"bizStep":"shipping",
             "disposition":"https://ref.gs1.org/cbv/Disp-in_transit","readPoint":{"id":"https://id.gs1.org/414/0614141073467/254/1234"},
             "quantityList":[{"epcClass":"https://id.gs1.org/01/04012345123456/10/998877","quantity":200.5,"uom":"KGM"}]}
            """).RootElement;
        Assert.Equal(EpcisPreHash.Of(urns, context), EpcisPreHash.Of(web, context));
    }

    [Theory]
    [InlineData("2023-01-18T11:04:03.1415Z", "2023-01-18T11:04:03.142Z")]
    [InlineData("2023-01-18T11:04:03.1414Z", "2023-01-18T11:04:03.141Z")]
    [InlineData("2023-01-18T11:04:03Z", "2023-01-18T11:04:03.000Z")]
    [InlineData("2023-12-31T23:59:59.9996-01:00", "2024-01-01T01:00:00.000Z")]
    [InlineData("2022-02-16T20:33:31.116000-06:00", "2022-02-17T02:33:31.116Z")]
    [InlineData("not a time", "not a time")]
    public void Timestamps_become_utc_milliseconds(string input, string expected) =>
        Assert.Equal(expected, EpcisTimestamp.Normalise(input));

    [Theory]
    [InlineData("1.0", "1")]
    [InlineData("0.3434000", "0.3434")]
    [InlineData("+007", "7")]
    [InlineData("2E3", "2000")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("-0.0", "0")]
    [InlineData("2014-02-10", null)]
    [InlineData("A93", null)]
    public void Numbers_lose_trailing_zeros(string input, string? expected) =>
        Assert.Equal(expected, EpcisNumber.TryNormalise(input));

    [Theory]
    [InlineData("urn:epc:id:sgtin:0614141.107346.2017", "https://id.gs1.org/01/10614141073464/21/2017")]
    [InlineData("urn:epc:id:sscc:4012345.0000000333", "https://id.gs1.org/00/040123450000003338")]
    [InlineData("urn:epc:id:sgln:4012345.00011.987", "https://id.gs1.org/414/4012345000115/254/987")]
    [InlineData("urn:epc:id:sgln:4012345.00011.0", "https://id.gs1.org/414/4012345000115")]
    [InlineData("urn:epc:id:pgln:4012345.00000", "https://id.gs1.org/417/4012345000009")]
    [InlineData("urn:epc:class:lgtin:4012345.012345.998877", "https://id.gs1.org/01/04012345123456/10/998877")]
    [InlineData("urn:epc:idpat:sgtin:4012345.066666.*", "https://id.gs1.org/01/04012345666663")]
    [InlineData("urn:epc:id:gdti:4012345.11111.123", "https://id.gs1.org/253/4012345111118123")]
    [InlineData("urn:epc:id:gsrn:0614141.0000010253", "https://id.gs1.org/8018/061414100000102534")]
    [InlineData("urn:epc:id:giai:4000001.111", "https://id.gs1.org/8004/4000001111")]
    [InlineData("urn:epc:id:grai:4012345.00001.X(1)", "https://id.gs1.org/8003/04012345000016X%281%29")]
    [InlineData("urn:epc:id:sgtin:0614141.107346.A:B", "https://id.gs1.org/01/10614141073464/21/A%3AB")]
    [InlineData("https://example.com/gtin/614141073467/lot/L1/ser/S1", "https://id.gs1.org/01/00614141073467/21/S1")]
    [InlineData("https://id.gs1.de/01/04012345999990/22/V1/10/L1?17=201231", "https://id.gs1.org/01/04012345999990/10/L1")]
    [InlineData("http://transaction.acme.com/po/12345678", null)]
    [InlineData("urn:epc:id:sgtin:0614141.10734.2017", null)]
    public void Gs1_keys_become_canonical_digital_link(string input, string? expected) =>
        Assert.Equal(expected, EpcisDigitalLink.TryCanonicalise(input));

    [Fact]
    public void Event_id_reconciliation_compares_the_digest()
    {
        var (ev, context) = Load("epcisDocHavingEventWithComment", 0);
        var hash = EpcisEventHashId.Of(ev, context);
        Assert.True(EpcisEventHashId.Matches(hash, hash));
        Assert.True(EpcisEventHashId.Matches(hash.ToUpperInvariant().Replace("NI:///SHA-256;", "ni:///sha-256;").Replace("?VER=CBV2.0", "?ver=CBV2.1"), hash));
        // The document's own eventID names another digest: reconciliation must say so.
        Assert.False(EpcisEventHashId.Matches(ev.GetProperty("eventID").GetString(), hash));
        Assert.False(EpcisEventHashId.Matches("urn:uuid:374d95fc-9457-4a51-bd6a-0bba133845a8", hash));
    }

    /// <summary>The node with every object's members in reverse order, recursively (arrays keep their order).</summary>
    private static JsonNode Reverse(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Reverse(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(i => i is null ? null : Reverse(i))]),
        _ => node.DeepClone(),
    };

    /// <summary>One mutation per hashed scalar: its path and an edit that changes it (strings get a suffix, numbers +1, booleans flip).</summary>
    private static IEnumerable<(string Path, Action<JsonNode> Mutate)> Mutations(JsonNode node, string path)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToList())
            {
                if (value is null || key.StartsWith('@') || (path.Length == 0 && EpcisHashPropertyOrder.Excluded.Contains(key)) || key == "rdfs:comment") continue;
                foreach (var (inner, mutate) in Mutations(value, $"{path}/{key}"))
                    yield return (inner, root => mutate(root));
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
                if (array[i] is { } item) foreach (var mutation in Mutations(item, $"{path}/{i}")) yield return mutation;
        }
        else if (node is JsonValue value)
        {
            var target = path;
            yield return (path, root => Replace(root, target, value.GetValueKind() switch
            {
                JsonValueKind.Number => JsonValue.Create(value.GetValue<decimal>() + 1),
                JsonValueKind.True => JsonValue.Create(false),
                JsonValueKind.False => JsonValue.Create(true),
                _ => JsonValue.Create(value.GetValue<string>() + "9"),
            }));
        }
    }

    private static void Replace(JsonNode root, string path, JsonNode replacement)
    {
        var steps = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parent = root;
        foreach (var step in steps[..^1]) parent = parent is JsonArray a ? a[int.Parse(step)]! : parent[step]!;
        if (parent is JsonArray list) list[int.Parse(steps[^1])] = replacement;
        else parent[steps[^1]] = replacement;
    }
}
