using System.Buffers;
using System.Text.Json;
using Trace.Crypto;
using Trace.Domain;

namespace Trace.Node.Rebuild;

/// <summary>
/// The envelope of an accepted claim: every field of its index row that neither the chain nor the content gives (the
/// signed claim, subject identifier, media type, file name, length, metadata, acceptance time), as compact JSON stored
/// as a blob. Format <c>trace.record-envelope/1</c>, documented in docs/rebuild.md.
/// </summary>
public static class RecordEnvelope
{
    /// <summary>The format tag every envelope carries.</summary>
    public const string Format = "trace.record-envelope/1";

    /// <summary>The envelope bytes of <paramref name="claim"/>, whose <see cref="AcceptedClaim.AcceptedAt"/> must be set.</summary>
    public static byte[] Encode(AcceptedClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var acceptedAt = claim.AcceptedAt ?? throw new ArgumentException("the claim's acceptance time is not fixed", nameof(claim));
        var buffer = new ArrayBufferWriter<byte>(768);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("id", claim.RecordId);
            json.WriteString("contentHash", Hex.Encode(claim.ContentHash));
            json.WriteNumber("kind", (int)claim.Kind);
            json.WriteString("subject", claim.Subject);
            json.WriteString("subjectHash", Hex.Encode(claim.SubjectHash));
            json.WriteString("issuer", claim.Issuer);
            json.WriteNumber("issuedAt", claim.IssuedAt.ToUnixTimeSeconds());
            json.WriteString("nonce", Hex.Encode(claim.Nonce));
            json.WriteString("signature", Hex.Encode(claim.Signature));
            if (claim.MediaType is not null) json.WriteString("mediaType", claim.MediaType);
            if (claim.FileName is not null) json.WriteString("fileName", claim.FileName);
            json.WriteNumber("contentLength", claim.ContentLength);
            if (claim.MetadataJson is not null) json.WriteString("metadata", claim.MetadataJson);
            json.WriteNumber("acceptedAtMicros", ToMicros(acceptedAt));
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads an envelope back into the accepted claim (with its acceptance time).</summary>
    /// <exception cref="FormatException">not an envelope of this format.</exception>
    public static AcceptedClaim Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != Format) throw new FormatException($"not a {Format} envelope");
            var claim = new AcceptedClaim
            {
                Digest = Hex.Decode(root.GetProperty("id").GetString()),
                ContentHash = Hex.Decode(root.GetProperty("contentHash").GetString()),
                Kind = (RecordKind)root.GetProperty("kind").GetInt32(),
                Subject = root.GetProperty("subject").GetString()!,
                SubjectHash = Hex.Decode(root.GetProperty("subjectHash").GetString()),
                Issuer = root.GetProperty("issuer").GetString()!,
                IssuedAt = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("issuedAt").GetInt64()),
                Nonce = Hex.Decode(root.GetProperty("nonce").GetString()),
                Signature = Hex.Decode(root.GetProperty("signature").GetString()),
                MediaType = root.TryGetProperty("mediaType", out var media) ? media.GetString() : null,
                FileName = root.TryGetProperty("fileName", out var name) ? name.GetString() : null,
                ContentLength = root.GetProperty("contentLength").GetInt64(),
                MetadataJson = root.TryGetProperty("metadata", out var metadata) ? metadata.GetString() : null,
                AcceptedAt = FromMicros(root.GetProperty("acceptedAtMicros").GetInt64()),
            };
            claim.Validate();
            return claim;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"not a valid {Format} envelope: {e.Message}", e);
        }
    }

    internal static long ToMicros(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    internal static DateTimeOffset FromMicros(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond);
}
