using Trace.Protos.V1;

namespace Trace.Cli.Cli;

/// <summary>
/// The one plain sentence <c>trace verify</c> opens with: what was proven (kind, subject, issuing organisation, when
/// anchored, on which chain) or why not, and whether the content itself was checked.
/// </summary>
internal sealed record ProofStatement(
    VerificationStatus Status,
    RecordKind Kind,
    string SubjectId,
    string IssuerKey,
    string? IssuerOrganisation,
    DateTimeOffset? AnchoredAt,
    ulong BlockNumber,
    ulong ChainId,
    string? ContentFile,
    bool CanonicalJson)
{
    /// <summary>"VERIFIED" or the verdict's name as in the gRPC enum (TAMPERED, REVOKED, …).</summary>
    public string StatusName => Names.Of(Status).Replace('-', '_').ToUpperInvariant();

    public string Sentence()
    {
        var record = $"{Article(Names.Words(Kind))} {Names.Words(Kind)} record about {SubjectId}";
        var issuer = IssuerOrganisation is null ? $"key {IssuerKey} (an organisation the chain does not name)" : $"{IssuerOrganisation} (key {IssuerKey})";
        var anchored = $"anchored on chain {ChainId} in block {BlockNumber}{(AnchoredAt is { } at ? $" at {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC" : "")}";
        var content = ContentFile is null
            ? "; its content was NOT checked (add --content FILE to check a copy)"
            : $"; the content of {Path.GetFileName(ContentFile)} is exactly what was signed{(CanonicalJson ? " (compared as canonical JSON, RFC 8785, so formatting does not matter)" : "")}";
        return Status switch
        {
            VerificationStatus.Verified => $"VERIFIED: {record} was signed by {issuer} and {anchored}{content}.",
            VerificationStatus.Tampered => $"NOT VERIFIED (TAMPERED): {(ContentFile is null ? "the content" : "the content of " + Path.GetFileName(ContentFile))} is not what {issuer} signed for {record}.",
            VerificationStatus.Revoked => $"NOT VERIFIED (REVOKED): {record}, signed by {issuer} and {anchored}, was revoked by its issuer.",
            VerificationStatus.Superseded => $"NOT VERIFIED (SUPERSEDED): {record}, signed by {issuer} and {anchored}, was replaced by its issuer with a later record.",
            VerificationStatus.Flagged => $"NOT VERIFIED (FLAGGED): {record}, signed by {issuer} and {anchored}, carries an open regulator flag (below); footprints resting on it count it as withdrawn until the flag is closed.",
            VerificationStatus.Pending => $"NOT VERIFIED (PENDING): {record} signed by {issuer} is not anchored on chain yet; try again later.",
            VerificationStatus.BadSignature => $"NOT VERIFIED (BAD_SIGNATURE): the signature of {record} does not come from the key {IssuerKey} the claim names.",
            VerificationStatus.BadProof => $"NOT VERIFIED (BAD_PROOF): the bundle of {record} does not hold together (subject, record id or Merkle proof), so it proves nothing.",
            VerificationStatus.UnknownRoot => $"NOT VERIFIED (UNKNOWN_ROOT): chain {ChainId} holds no anchor for {record} as the bundle describes it.",
            VerificationStatus.NotFound => $"NOT VERIFIED (NOT_FOUND): no record matches{(ContentFile is null ? "" : " the content of " + Path.GetFileName(ContentFile))}.",
            _ => $"NOT VERIFIED ({StatusName}): {record} was signed by {issuer}, but that key was not authorised, active or registered for it when it was {anchored}.",
        };
    }

    private static string Article(string word) => word.Length > 0 && "aeiou".Contains(word[0]) ? "an" : "a";
}
