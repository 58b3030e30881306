using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trace.Client.Standards.Epcis.EventHash;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Client.Standards.Epcis;

/// <summary>
/// Converts an EPCIS 2.0 JSON / JSON-LD document (EPCISDocument, or an EPCISQueryDocument's results) into unsigned
/// lineage records: commissioning ObjectEvents become batches, TransformationEvents a transformation and its output
/// batches, shipping (and unpaired receiving) ObjectEvents shipments; error declarations make corrective events supersede
/// the erroneous event's record. The mapping is documented in docs/epcis.md. The document is expected to be valid against
/// the EPCIS JSON Schema already (the node checks that first); a value Trace cannot represent leaves its event
/// <see cref="EpcisEventDisposition.NotConverted"/> with the member path named, the other events convert.
/// </summary>
public static partial class EpcisConverter
{
    /// <summary>Converts <paramref name="document"/>; records come in submission order (batches before the transformation using them).</summary>
    /// <exception cref="EpcisConversionException">the document has no event list, or an option is malformed.</exception>
    public static EpcisConversion Convert(JsonElement document, EpcisConversionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var run = new Run(document, options);
        return run.Convert();
    }

    /// <summary>A value of one event that Trace cannot represent: the event is not converted, the path says where.</summary>
    private sealed class NotConvertible(string path, string reason) : Exception(reason)
    {
        public string Path { get; } = path;
    }

    /// <summary>One EPC or EPC class of an event with its quantity (an EPC is one piece).</summary>
    private sealed record Item(string Id, string Amount, string Unit, string Path);

    /// <summary>An event of the document, as read in the first pass.</summary>
    private sealed record EventInfo(int Index, JsonElement Element, string Path, string? Id, string Type, string Hash, string CanonicalJsonHash)
    {
        public string? BizStep => Element.TryGetProperty("bizStep", out var step) && step.ValueKind == JsonValueKind.String ? Vocabulary(step.GetString()!) : null;
    }

    /// <summary>The bare CBV term of a vocabulary value ("shipping" for urn:epcglobal:cbv:bizstep:shipping or https://ref.gs1.org/cbv/BizStep-shipping).</summary>
    private static string Vocabulary(string value)
    {
        var dash = value.LastIndexOf('-');
        if (value.StartsWith("https://ref.gs1.org/cbv/", StringComparison.Ordinal) && dash > 0) return value[(dash + 1)..];
        var colon = value.LastIndexOf(':');
        return value.StartsWith("urn:epcglobal:cbv:", StringComparison.Ordinal) && colon > 0 ? value[(colon + 1)..] : value;
    }

    private static string Plain(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Address(string field, string? text) =>
        EthereumAddress.TryParse(text, out var address)
            ? address.ToString()
            : throw new EpcisConversionException(field, $"\"{text}\" is not a participant address (0x + 40 hex digits, EIP-55 when mixed case)");

    /// <summary>RFC 7396 JSON Merge Patch of <paramref name="patch"/> into <paramref name="target"/>.</summary>
    private static void MergePatch(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is null) { target.Remove(name); continue; }
            if (value is JsonObject patchObject && target[name] is JsonObject targetObject) { MergePatch(targetObject, patchObject); continue; }
            target[name] = value.DeepClone();
        }
    }

    private static string Json(JsonObject record) => record.ToJsonString();

    /// <summary>The hex digest of a GS1 event hash ID: the deterministic part of ids derived from an event.</summary>
    private static string Ni(string hash) => EpcisEventHashId.Digest(hash);

}
