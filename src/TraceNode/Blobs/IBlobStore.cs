namespace Trace.Node.Blobs;

/// <summary>Immutable content addressed by its SHA-256; a blob is visible only once complete and verified.</summary>
public interface IBlobStore
{
    /// <summary>Starts a new upload; the bytes are hashed as they stream and kept aside until commit.</summary>
    IBlobWriter BeginWrite();

    /// <summary>Stores content already in memory (e.g. a canonical JSON record) if it hashes to <paramref name="expectedSha256"/>.</summary>
    /// <exception cref="BlobHashMismatchException">the bytes hash to something else; nothing is stored.</exception>
    Task<BlobCommitResult> PutAsync(ReadOnlyMemory<byte> content, ReadOnlyMemory<byte> expectedSha256, CancellationToken cancellationToken);

    /// <summary>True when a blob with this 32-byte SHA-256 is stored.</summary>
    bool Exists(ReadOnlySpan<byte> sha256);

    /// <summary>Opens a stored blob for reading.</summary>
    /// <exception cref="BlobNotFoundException">no blob has this hash.</exception>
    Stream OpenRead(ReadOnlySpan<byte> sha256);

    /// <summary>Length in bytes of a stored blob, or null when there is none.</summary>
    long? GetLength(ReadOnlySpan<byte> sha256);

    /// <summary>
    /// Stores every blob in one durable commit, in order, and appends the journalled ones (kind not
    /// <see cref="BlobJournalKind.None"/>) to the blob journal: the list, kept in the blob store and not in the index,
    /// of the blobs the index can be rebuilt from (docs/rebuild.md). Returns each blob's SHA-256.
    /// </summary>
    Task<byte[][]> AppendJournalAsync(IReadOnlyList<JournalBlob> blobs, CancellationToken cancellationToken);

    /// <summary>The journal rows after <paramref name="afterSequence"/>, oldest first.</summary>
    IEnumerable<BlobJournalEntry> ReadJournal(long afterSequence = 0);

    /// <summary>
    /// The journal rows in order, each with its blob's plaintext (null when the blob is missing or fails its hash), read
    /// in one scan rather than a look-up per blob.
    /// </summary>
    IEnumerable<(BlobJournalEntry Entry, byte[]? Content)> ReadJournalContents();

    /// <summary>Every stored blob's hash and whether its bytes are intact (authenticate and hash to it), in one scan.</summary>
    IEnumerable<(byte[] Sha256, bool Intact)> CheckAll();
}
