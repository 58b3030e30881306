using System.Security.Cryptography;
using System.Text.Json;
using Trace.Client.Canonical;
using Trace.Crypto;

namespace Trace.Client.Standards.Epcis;

/// <summary>
/// The hash Trace keeps with every record converted from an EPCIS event: SHA-256 of the event object's RFC 8785 canonical
/// JSON, as received (not the GS1 CBV event-hash algorithm, whose pre-hash string normalises identifiers and timestamps;
/// an event whose eventID is a GS1 "ni:///sha-256;…" hash keeps that id beside this hash).
/// </summary>
public static class EpcisEventHash
{
    /// <summary>The algorithm's name as written into records and answers.</summary>
    public const string Algorithm = "sha-256/rfc8785";

    /// <summary>"0x" + 64 hex digits: SHA-256 of the canonical JSON of <paramref name="eventObject"/>.</summary>
    public static string Of(JsonElement eventObject) => Hex.Encode(SHA256.HashData(JsonCanonicalizer.Canonicalize(eventObject)));
}
