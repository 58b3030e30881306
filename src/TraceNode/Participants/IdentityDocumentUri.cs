using Trace.Crypto;

namespace Trace.Node.Participants;

/// <summary>
/// The metadataURI of an identity document stored by Trace: "trace:blob:0x" + the SHA-256 of its canonical JSON
/// (64 lower-case hex digits), the same hash as metadataHash and the key of the node's content store.
/// </summary>
public static class IdentityDocumentUri
{
    /// <summary>The URI scheme and prefix.</summary>
    public const string Prefix = "trace:blob:";

    /// <summary>The URI of content with this SHA-256.</summary>
    public static string For(ReadOnlySpan<byte> sha256) => Prefix + Hex.Encode(sha256);

    /// <summary>The SHA-256 a trace:blob URI names; null for any other URI.</summary>
    public static byte[]? TryParse(string? uri)
    {
        if (uri is null || !uri.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var hex = uri.AsSpan(Prefix.Length);
        return hex.Length == 66 && Hex.TryDecode(hex, out var bytes) && bytes.Length == 32 ? bytes : null;
    }
}
