using System.Runtime.CompilerServices;
using Trace.Domain;
using Trace.Node.Storage;

namespace Trace.Node.Verification;

/// <summary>
/// Recomputes every indexed record against the blob store and the chain (content hash, claim digest, signature,
/// Merkle proof, anchored root, withdrawal state) and reports where the index disagrees: the index is derived data,
/// and this is how a tampered row or a lost blob gets noticed.
/// </summary>
/// <remarks>
/// Each record goes through <see cref="RecordVerifier"/>, the same steps a buyer's verifier takes. A verdict about the
/// issuer's standing on chain (suspended, key retired, ...) is the chain's to give and not an index fault; it is
/// counted in the summary, not reported as a finding.
/// </remarks>
public sealed class IndexAuditor(TraceStore store, RecordVerifier verifier)
{
    private const int PageSize = 500;

    /// <summary>Audits every record (newest first); yields one finding per inconsistent record and fills <paramref name="summary"/>.</summary>
    public async IAsyncEnumerable<AuditFinding> AuditAsync(AuditSummary summary, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(summary);
        string? cursor = null;
        do
        {
            var page = await store.ListRecordsAsync(new RecordQuery { PageSize = PageSize, Cursor = cursor }, ct).ConfigureAwait(false);
            foreach (var record in page.Items)
            {
                var outcome = await verifier.VerifyRecordAsync(record.Id, content: null, ct).ConfigureAwait(false);
                summary.Count(outcome.Status);
                if (Problem(record.Status, record.Revocation is not null, outcome.Status) is { } problem)
                {
                    summary.Findings++;
                    yield return new AuditFinding(record.Id, record.Status, outcome.Status, problem,
                        outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}").ToList());
                }
            }
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    private static string? Problem(RecordStatus indexed, bool withdrawnInIndex, VerificationStatus verdict) => verdict switch
    {
        VerificationStatus.Verified or VerificationStatus.Flagged when withdrawnInIndex => "the index records a revocation the registry does not have",
        VerificationStatus.Revoked or VerificationStatus.Superseded when !withdrawnInIndex => "withdrawn on chain but not in the index",
        VerificationStatus.Pending when indexed != RecordStatus.Pending => "anchored in the index but not on chain",
        VerificationStatus.Tampered => "the content or the indexed claim does not match what was signed and anchored",
        VerificationStatus.BadSignature => "the indexed signature does not recover the indexed issuer",
        VerificationStatus.BadProof => "the indexed Merkle proof does not lead to the batch root",
        VerificationStatus.UnknownRoot => "the batch root is not recorded by the registry",
        VerificationStatus.NotFound => "the record vanished during the audit",
        _ => null,
    };
}

/// <summary>One record on which the index disagrees with the blob store or the chain.</summary>
public sealed record AuditFinding(string RecordId, RecordStatus IndexedStatus, VerificationStatus Verdict, string Problem, IReadOnlyList<string> FailedChecks);

/// <summary>Totals of an audit: records checked, findings, and how many records got each verdict.</summary>
public sealed class AuditSummary
{
    private readonly Dictionary<VerificationStatus, long> _byVerdict = [];

    public long Records { get; private set; }

    public long Findings { get; internal set; }

    public IReadOnlyDictionary<VerificationStatus, long> ByVerdict => _byVerdict;

    internal void Count(VerificationStatus verdict)
    {
        Records++;
        _byVerdict[verdict] = _byVerdict.GetValueOrDefault(verdict) + 1;
    }
}
