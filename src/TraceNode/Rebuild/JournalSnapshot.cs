using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Blobs;

namespace Trace.Node.Rebuild;

/// <summary>
/// The blob journal read in one scan: the records' envelopes (the first per record, in acceptance order), the batches'
/// manifests (the last per batch id), every journalled blob's hash, and what could not be read.
/// </summary>
public sealed class JournalSnapshot
{
    private JournalSnapshot()
    {
    }

    /// <summary>Envelopes in journal order, one per record (a resubmission's later envelope is not the record's).</summary>
    public List<JournalEnvelope> Envelopes { get; } = [];

    /// <summary>Envelopes by record id.</summary>
    public Dictionary<string, JournalEnvelope> ById { get; } = new(StringComparer.Ordinal);

    /// <summary>Manifests by batch id. A batch id written twice: the first transaction did not commit (ids are reused only after a rollback), so the later manifest is the batch's.</summary>
    public SortedDictionary<long, BatchManifest> Manifests { get; } = [];

    /// <summary>Every blob the journal names (envelopes and manifests, readable or not).</summary>
    public HashSet<string> JournalledBlobs { get; } = new(StringComparer.Ordinal);

    /// <summary>Journal entries that could not be read, in words.</summary>
    public List<string> Unreadable { get; } = [];

    /// <summary>Reads the journal of <paramref name="blobs"/>.</summary>
    public static JournalSnapshot Read(IBlobStore blobs)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        var snapshot = new JournalSnapshot();
        foreach (var (entry, content) in blobs.ReadJournalContents())
        {
            var hash = Hex.Encode(entry.Sha256);
            snapshot.JournalledBlobs.Add(hash);
            if (content is null)
            {
                snapshot.Unreadable.Add($"{entry.Kind} {hash}: missing or corrupt");
                continue;
            }
            try
            {
                switch (entry.Kind)
                {
                    case BlobJournalKind.RecordEnvelope:
                        var claim = RecordEnvelope.Decode(content);
                        if (snapshot.ById.ContainsKey(claim.RecordId)) break;
                        var envelope = new JournalEnvelope(claim, hash);
                        snapshot.ById[claim.RecordId] = envelope;
                        snapshot.Envelopes.Add(envelope);
                        break;
                    case BlobJournalKind.BatchManifest:
                        var manifest = BatchManifest.Decode(content);
                        snapshot.Manifests[manifest.BatchId] = manifest;
                        break;
                }
            }
            catch (FormatException e)
            {
                snapshot.Unreadable.Add($"{entry.Kind} {hash}: {e.Message}");
            }
        }
        return snapshot;
    }
}

/// <summary>A record's envelope as the journal holds it: the accepted claim and the envelope blob's hash (0x-hex).</summary>
public sealed record JournalEnvelope(AcceptedClaim Claim, string EnvelopeHash);
