using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Domain;

namespace Trace.Client.Verification;

/// <summary>Writes and strictly parses the proof bundle JSON document; a malformed member is named in the error.</summary>
public static class ProofBundleJson
{
    private const string Field = "proof_bundle_json";
    private const long MaxSafeInteger = (1L << 53) - 1;

    // A member given twice could be read differently by two verifiers: refused.
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    public static string Write(ProofBundle bundle)
    {
        var json = new JsonObject
        {
            ["format"] = ProofBundle.Format,
            ["recordId"] = bundle.RecordId,
            ["claim"] = new JsonObject
            {
                ["contentHash"] = Hex.Encode(bundle.Claim.ContentHash),
                ["kind"] = bundle.Claim.Kind,
                ["subject"] = Hex.Encode(bundle.Claim.Subject),
                ["issuer"] = bundle.Claim.Issuer.ToString(),
                ["issuedAt"] = bundle.Claim.IssuedAt,
                ["nonce"] = Hex.Encode(bundle.Claim.Nonce),
            },
            ["subjectId"] = bundle.SubjectId,
            ["signature"] = Hex.Encode(bundle.Signature),
            ["domain"] = new JsonObject
            {
                ["name"] = EvidenceClaimHasher.DomainName,
                ["version"] = EvidenceClaimHasher.DomainVersion,
                ["chainId"] = bundle.DomainChainId,
                ["verifyingContract"] = bundle.DomainVerifyingContract.ToString(),
            },
            ["merkle"] = new JsonObject
            {
                ["leafIndex"] = bundle.LeafIndex,
                ["leaf"] = Hex.Encode(bundle.Leaf),
                ["proof"] = new JsonArray([.. bundle.Proof.Select(p => (JsonNode)JsonValue.Create(Hex.Encode(p)))]),
                ["root"] = Hex.Encode(bundle.Root),
            },
            ["anchor"] = new JsonObject
            {
                ["chainId"] = bundle.AnchorChainId,
                ["registry"] = bundle.Registry.ToString(),
                ["txHash"] = Hex.Encode(bundle.TxHash),
                ["blockNumber"] = bundle.BlockNumber,
                ["blockHash"] = Hex.Encode(bundle.BlockHash),
            },
            ["content"] = new JsonObject
            {
                ["mediaType"] = bundle.MediaType,
                ["fileName"] = bundle.FileName,
                ["length"] = bundle.ContentLength,
            },
            ["status"] = bundle.Status.ToString().ToUpperInvariant(),
            ["generatedAt"] = bundle.GeneratedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <exception cref="InvalidFieldException">the document is not a well-formed v1 bundle; the field names the member.</exception>
    public static ProofBundle Parse(string text)
    {
        try
        {
            return ParseStrict(text);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            // What the member checks do not name (a duplicate member, a value of an unexpected JSON type) is still
            // bad input, never an internal error.
            throw new InvalidFieldException(Field, $"not a well-formed proof bundle: {ex.Message}");
        }
    }

    private static ProofBundle ParseStrict(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new InvalidFieldException(Field, "the proof bundle is empty");
        JsonObject root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: StrictJson) as JsonObject ?? throw new InvalidFieldException(Field, "must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new InvalidFieldException(Field, $"not valid JSON: {ex.Message}");
        }
        var format = String(root, "format");
        if (format != ProofBundle.Format) throw new InvalidFieldException($"{Field}.format", $"'{format}' is not {ProofBundle.Format}");

        var claim = Object(root, "claim");
        var domain = Object(root, "domain");
        var merkle = Object(root, "merkle");
        var anchor = Object(root, "anchor");
        var content = root["content"] switch
        {
            null => null,
            JsonObject o => o,
            _ => throw Missing("content", "an object"),
        };
        if (String(domain, "domain.name") is var name && name != EvidenceClaimHasher.DomainName)
            throw new InvalidFieldException($"{Field}.domain.name", $"'{name}' is not {EvidenceClaimHasher.DomainName}");
        if (String(domain, "domain.version") is var version && version != EvidenceClaimHasher.DomainVersion)
            throw new InvalidFieldException($"{Field}.domain.version", $"'{version}' is not {EvidenceClaimHasher.DomainVersion}");

        var kind = Integer(claim, "claim.kind");
        if (kind > byte.MaxValue) throw new InvalidFieldException($"{Field}.claim.kind", $"{kind} is not a uint8");
        var proofArray = merkle["proof"] as JsonArray ?? throw Missing("merkle.proof");
        var proof = new List<byte[]>(proofArray.Count);
        for (var i = 0; i < proofArray.Count; i++)
            proof.Add(Hash(proofArray[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null, $"merkle.proof[{i}]"));

        return new ProofBundle(
            RecordId: Hex.Encode(Hash(String(root, "recordId"), "recordId")),
            Claim: new EvidenceClaimData(
                Hash(String(claim, "claim.contentHash"), "claim.contentHash"),
                (byte)kind,
                Hash(String(claim, "claim.subject"), "claim.subject"),
                Address(String(claim, "claim.issuer"), "claim.issuer"),
                Integer(claim, "claim.issuedAt"),
                Hash(String(claim, "claim.nonce"), "claim.nonce")),
            SubjectId: String(root, "subjectId"),
            Signature: Bytes(String(root, "signature"), "signature", 65),
            DomainChainId: Integer(domain, "domain.chainId"),
            DomainVerifyingContract: Address(String(domain, "domain.verifyingContract"), "domain.verifyingContract"),
            LeafIndex: (int)Math.Min(int.MaxValue, Integer(merkle, "merkle.leafIndex")),
            Leaf: Hash(String(merkle, "merkle.leaf"), "merkle.leaf"),
            Proof: proof,
            Root: Hash(String(merkle, "merkle.root"), "merkle.root"),
            AnchorChainId: Integer(anchor, "anchor.chainId"),
            Registry: Address(String(anchor, "anchor.registry"), "anchor.registry"),
            TxHash: Hash(String(anchor, "anchor.txHash"), "anchor.txHash"),
            BlockNumber: Integer(anchor, "anchor.blockNumber"),
            BlockHash: Hash(String(anchor, "anchor.blockHash"), "anchor.blockHash"),
            MediaType: OptionalString(content, "content.mediaType"),
            FileName: OptionalString(content, "content.fileName"),
            ContentLength: content?["length"] is JsonValue length && length.TryGetValue<long>(out var l) ? l : 0,
            Status: Enum.TryParse<RecordStatus>(OptionalString(root, "status"), ignoreCase: true, out var status) ? status : RecordStatus.Anchored,
            GeneratedAt: DateTimeOffset.TryParse(OptionalString(root, "generatedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : default);
    }

    private static JsonObject Object(JsonObject parent, string name) =>
        parent[name] as JsonObject ?? throw Missing(name);

    private static string String(JsonObject parent, string path)
    {
        var name = path[(path.LastIndexOf('.') + 1)..];
        return parent[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw Missing(path);
    }

    // Informational members: absent or null is fine, another JSON type is malformed.
    private static string? OptionalString(JsonObject? parent, string path)
    {
        var name = path[(path.LastIndexOf('.') + 1)..];
        return parent?[name] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => throw Missing(path, "a string"),
        };
    }

    private static ulong Integer(JsonObject parent, string path)
    {
        var name = path[(path.LastIndexOf('.') + 1)..];
        if (parent[name] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number) throw Missing(path, "an integer");
        if (!value.TryGetValue<long>(out var number) || number < 0 || number > MaxSafeInteger)
            throw new InvalidFieldException($"{Field}.{path}", "must be an integer from 0 to 2^53 - 1");
        return (ulong)number;
    }

    private static byte[] Hash(string? text, string path) => Bytes(text, path, 32);

    private static byte[] Bytes(string? text, string path, int length)
    {
        if (text is null || !text.StartsWith("0x", StringComparison.Ordinal) || !Hex.TryDecode(text, out var bytes) || bytes.Length != length)
            throw new InvalidFieldException($"{Field}.{path}", $"must be 0x + {length * 2} hex digits");
        return bytes;
    }

    private static EthereumAddress Address(string text, string path) =>
        EthereumAddress.TryParse(text, out var address) ? address
            : throw new InvalidFieldException($"{Field}.{path}", "not an address (0x + 40 hex digits, EIP-55 checksum when mixed case)");

    private static InvalidFieldException Missing(string path, string what = "present") =>
        new($"{Field}.{path}", $"is missing or not {what}");
}
