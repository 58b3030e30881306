using System.Security.Cryptography;
using System.Text.Json;
using Trace.Client.Canonical;
using Trace.Crypto;

namespace Trace.Client.Standards.Epcis;

/// <summary>
/// A second hash kept beside the GS1 event hash ID: SHA-256 of the event object's RFC 8785 canonical JSON, as received. It
/// pins the exact JSON kept in <c>extensions.epcis.event</c> (the GS1 hash deliberately ignores eventID, recordTime,
/// errorDeclaration, certificationInfo and comments, and normalises identifiers and timestamps).
/// </summary>
public static class EpcisCanonicalJsonHash
{
    /// <summary>The algorithm's name.</summary>
    public const string Algorithm = "sha-256/rfc8785";

    /// <summary>"0x" + 64 hex digits: SHA-256 of the canonical JSON of <paramref name="eventObject"/>.</summary>
    public static string Of(JsonElement eventObject) => Hex.Encode(SHA256.HashData(JsonCanonicalizer.Canonicalize(eventObject)));
}
