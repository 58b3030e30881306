using Trace.Crypto;
using Trace.Node.Blobs;

namespace Trace.Node.Decisions.Plans;

/// <summary>
/// Keeps route plans in the blob store, journalled (kind <see cref="BlobJournalKind.RoutePlan"/>), so they outlive the
/// index: a rebuild replays shipments that cite them and finds them again.
/// </summary>
public sealed class RoutePlanStore(IBlobStore blobs) : IRoutePlanSource
{
    /// <summary>
    /// Stores the plans not already kept, in one durable commit, and returns every plan's id in order. A plan is
    /// content-addressed, so the same answer asked twice is one blob and one journal row.
    /// </summary>
    public async Task<IReadOnlyList<string>> KeepAsync(IReadOnlyList<RoutePlan> plans, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var ids = new string[plans.Count];
        var fresh = new List<JournalBlob>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < plans.Count; i++)
        {
            var document = RoutePlanDocument.Encode(plans[i]);
            var hash = Sha256Hash.Hash(document);
            ids[i] = Hex.Encode(hash);
            if (seen.Add(ids[i]) && !blobs.Exists(hash)) fresh.Add(new JournalBlob(document, BlobJournalKind.RoutePlan));
        }
        if (fresh.Count > 0) await blobs.AppendJournalAsync(fresh, ct).ConfigureAwait(false);
        return ids;
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
