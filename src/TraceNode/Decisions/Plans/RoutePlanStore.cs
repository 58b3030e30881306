using Trace.Crypto;
using Trace.Node.Blobs;

namespace Trace.Node.Decisions.Plans;

/// <summary>
/// Keeps route plans in the blob store, journalled (kind <see cref="BlobJournalKind.RoutePlan"/>), so they outlive the
/// index: a rebuild replays shipments that cite them and finds them again.
/// </summary>
public sealed class RoutePlanStore(IBlobStore blobs) : IRoutePlanSource
{
    /// <summary>Stores <paramref name="plan"/> unless the same plan is already kept; returns its plan id.</summary>
    public async Task<string> KeepAsync(RoutePlan plan, CancellationToken ct)
    {
        var document = RoutePlanDocument.Encode(plan);
        var hash = Sha256Hash.Hash(document);
        // A plan is content-addressed, so the same answer asked twice is one blob and one journal row.
        if (!blobs.Exists(hash)) await blobs.AppendJournalAsync([new JournalBlob(document, BlobJournalKind.RoutePlan)], ct).ConfigureAwait(false);
        return Hex.Encode(hash);
    }

    /// <inheritdoc />
    public (RoutePlan Plan, byte[] Document)? Find(string planId)
    {
        if (!Hex.TryDecode(planId, out var hash) || hash.Length != 32 || !blobs.Exists(hash)) return null;
        using var stream = blobs.OpenRead(hash);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var document = copy.ToArray();
        try
        {
            return (RoutePlanDocument.Decode(document), document);
        }
        catch (FormatException)
        {
            return null; // a blob with this hash that is not a plan (some record's content): no plan has this id
        }
    }
}
