using System.Buffers;
using System.Text.Json;
using Trace.Crypto;

namespace Trace.Node.Rebuild;

/// <summary>
/// The manifest of an anchoring batch, written to the blob store before the batch is committed or anchored: the batch
/// id, its Merkle root, when it was closed, and its leaves (record ids) in leaf order. The anchoring transaction and
/// block are the chain's (the registry's BatchAnchored event for the root). Format <c>trace.batch-manifest/1</c>.
/// </summary>
public sealed record BatchManifest(long BatchId, byte[] Root, DateTimeOffset CreatedAt, IReadOnlyList<string> Leaves)
{
    /// <summary>The format tag every manifest carries.</summary>
    public const string Format = "trace.batch-manifest/1";

    /// <summary>The manifest as compact JSON.</summary>
    public byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>(128 + Leaves.Count * 70);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("batchId", BatchId);
            json.WriteString("root", Hex.Encode(Root));
            json.WriteNumber("createdAtMicros", RecordEnvelope.ToMicros(CreatedAt));
            json.WriteStartArray("leaves");
            foreach (var leaf in Leaves) json.WriteStringValue(leaf);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a manifest.</summary>
    /// <exception cref="FormatException">not a manifest of this format.</exception>
    public static BatchManifest Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != Format) throw new FormatException($"not a {Format} manifest");
            var leaves = new List<string>();
            foreach (var leaf in root.GetProperty("leaves").EnumerateArray()) leaves.Add(leaf.GetString()!.ToLowerInvariant());
            return new BatchManifest(root.GetProperty("batchId").GetInt64(), Hex.Decode(root.GetProperty("root").GetString()),
                RecordEnvelope.FromMicros(root.GetProperty("createdAtMicros").GetInt64()), leaves);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"not a valid {Format} manifest: {e.Message}", e);
        }
    }
}
