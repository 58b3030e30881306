using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Trace.Client.Standards.Epcis.EventHash;

/// <summary>
/// The GS1 EPCIS Event Hash ID (CBV 2.0 §8.9): SHA-256 of the event's UTF-8 pre-hash string (<see cref="EpcisPreHash"/>),
/// written as the RFC 6920 named-information URI <c>ni:///sha-256;&lt;64 lowercase hex&gt;?ver=CBV2.0</c>. The same event in
/// any serialisation — members in any order, URN or web URI identifiers, any time zone — has the same hash ID.
/// </summary>
public static class EpcisEventHashId
{
    /// <summary>The algorithm's name as Trace writes it into records and answers.</summary>
    public const string Algorithm = "gs1-cbv2.0-event-hash";

    /// <summary>The CBV version the hash ID names.</summary>
    public const string CbvVersion = "CBV2.0";

    private const string Prefix = "ni:///sha-256;";

    /// <summary>The hash ID of <paramref name="eventObject"/>, whose extension prefixes <paramref name="context"/> declares.</summary>
    public static string Of(JsonElement eventObject, EpcisJsonLdContext context) => FromPreHash(EpcisPreHash.Of(eventObject, context));

    /// <summary>The hash ID of a pre-hash string.</summary>
    public static string FromPreHash(string preHash) =>
        $"{Prefix}{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(preHash)))}?ver={CbvVersion}";

    /// <summary>The 64 hex digits of a hash ID.</summary>
    public static string Digest(string hashId) =>
        hashId.StartsWith(Prefix, StringComparison.Ordinal) && hashId.Length >= Prefix.Length + 64
            ? hashId.Substring(Prefix.Length, 64)
            : throw new ArgumentException($"\"{hashId}\" is not an ni:///sha-256; hash ID", nameof(hashId));

    /// <summary>
    /// True when an event's own <paramref name="eventId"/> is the hash ID <paramref name="hashId"/>: the same SHA-256 digest
    /// (hex compared case-insensitively, as RFC 6920 allows), whatever <c>?ver=</c> parameter it carries.
    /// </summary>
    public static bool Matches(string? eventId, string hashId)
    {
        if (eventId is null || !eventId.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return false;
        var digest = eventId[Prefix.Length..];
        var query = digest.IndexOf('?');
        if (query >= 0) digest = digest[..query];
        return digest.Length == 64 && string.Equals(digest, Digest(hashId), StringComparison.OrdinalIgnoreCase);
    }
}
