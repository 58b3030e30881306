using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Trace.Node.Blobs;

/// <summary>
/// Blobs in a local directory: small ones (up to <see cref="BlobStoreOptions.SmallBlobMaxBytes"/>) as rows of
/// <c>&lt;root&gt;/small.db</c>, larger ones as files under <c>&lt;root&gt;/sha256/ab/cd/abcd…</c> (two fan-out
/// levels keep directories small), written through <c>&lt;root&gt;/tmp</c> on the same file system so the final
/// rename is atomic. Every blob is stored sealed (<see cref="BlobEnvelope"/>: AES-256-GCM under its own data key,
/// wrapped by the <see cref="ContentKeyRing"/>); it is still addressed by the SHA-256 of its plaintext, which is public
/// anyway (it is the commitment on chain). Blobs written before encryption (no envelope magic) are read as they are.
/// </summary>
public sealed class FileBlobStore : IBlobStore, IAsyncDisposable, IDisposable
{
    private const int HashSize = 32;
    private readonly SmallBlobDatabase _small;
    private readonly object[] _publishLocks = Enumerable.Range(0, 64).Select(_ => new object()).ToArray();

    /// <summary>Opens (creating if needed) the store and removes stale temp files left by a crash.</summary>
    public FileBlobStore(IOptions<BlobStoreOptions> options, ContentKeyRing keys, TimeProvider clock, ILogger<FileBlobStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(clock);
        Keys = keys;
        var settings = options.Value;
        if (settings.MaxBlobBytes < 1) throw new ArgumentException($"MaxBlobBytes must be positive, got {settings.MaxBlobBytes}", nameof(options));
        RootDirectory = Path.GetFullPath(settings.RootDirectory);
        MaxBlobBytes = settings.MaxBlobBytes;
        SmallBlobMaxBytes = Math.Clamp(settings.SmallBlobMaxBytes, 0, BlobStoreOptions.SmallBlobLimit);
        TempDirectory = Path.Combine(RootDirectory, "tmp");
        ContentDirectory = Path.Combine(RootDirectory, "sha256");
        Directory.CreateDirectory(TempDirectory);
        Directory.CreateDirectory(ContentDirectory);
        RemoveStaleTempFiles(clock.GetUtcNow().UtcDateTime - settings.StaleTempAge);
        // Always opened: besides small content it holds the blob journal.
        _small = new SmallBlobDatabase(Path.Combine(RootDirectory, "small.db"), logger ?? (ILogger)NullLogger.Instance);
    }

    /// <summary>The store's root directory (absolute).</summary>
    public string RootDirectory { get; }

    /// <summary>The size limit in bytes.</summary>
    public long MaxBlobBytes { get; }

    /// <summary>Blobs up to this many bytes go to the small-blob database; 0 when every blob is a file.</summary>
    public int SmallBlobMaxBytes { get; }

    internal ContentKeyRing Keys { get; }

    internal string TempDirectory { get; }

    internal string ContentDirectory { get; }

    /// <inheritdoc />
    public IBlobWriter BeginWrite() => new FileBlobWriter(this);

    /// <inheritdoc />
    public async Task<BlobCommitResult> PutAsync(ReadOnlyMemory<byte> content, ReadOnlyMemory<byte> expectedSha256, CancellationToken cancellationToken)
    {
        // The writer keeps small content in memory and commits it to small.db, so this is the same path as an upload.
        await using var writer = BeginWrite();
        await writer.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        return await writer.CommitAsync(expectedSha256, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public bool Exists(ReadOnlySpan<byte> sha256) => GetLength(sha256) is not null;

    /// <inheritdoc />
    /// <remarks>The plaintext length: a sealed blob's stored size less its header and tags.</remarks>
    public long? GetLength(ReadOnlySpan<byte> sha256)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            try
            {
                using var file = OpenFile(path);
                Span<byte> start = stackalloc byte[BlobEnvelope.HeaderSize];
                var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
                return BlobEnvelope.LooksSealed(start[..read]) && BlobEnvelope.PlaintextLength(file.Length) is { } plain ? plain : file.Length;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { }
        }
        return _small.GetLength(sha256);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The stream yields the plaintext, decrypting one 64 KiB segment at a time; a blob that fails authentication
    /// throws <see cref="BlobCorruptException"/> (on open, or on the read that reaches the bad segment).
    /// </remarks>
    public Stream OpenRead(ReadOnlySpan<byte> sha256)
    {
        var path = PathOf(sha256);
        var hash = sha256.ToArray();
        if (!File.Exists(path) && _small.Get(sha256) is { } bytes) return Unseal(new MemoryStream(bytes, writable: false), hash);
        Stream file;
        try
        {
            file = OpenFile(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BlobNotFoundException(hash);
        }
        return Unseal(file, hash);
    }

    // A sealed blob decrypts; one without the envelope magic was stored in plaintext by an earlier version and is
    // returned as it is. A plaintext blob that happens to start with the magic is recognised by its hash.
    private Stream Unseal(Stream stored, byte[] sha256)
    {
        try
        {
            Span<byte> start = stackalloc byte[BlobEnvelope.HeaderSize];
            var read = stored.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            stored.Position = 0;
            if (!BlobEnvelope.LooksSealed(start[..read])) return stored;
            try
            {
                return new SealedBlobReadStream(stored, Keys, sha256);
            }
            catch (BlobCorruptException)
            {
                stored.Position = 0;
                if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(stored), sha256)) throw;
                stored.Position = 0;
                return stored;
            }
        }
        catch
        {
            stored.Dispose();
            throw;
        }
    }

    private static FileStream OpenFile(string path) => new(path, new FileStreamOptions
    {
        Mode = FileMode.Open,
        Access = FileAccess.Read,
        Share = FileShare.Read | FileShare.Delete,
        Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
    });

    /// <summary>The path a blob with this hash has (whether or not it exists).</summary>
    public string PathOf(ReadOnlySpan<byte> sha256)
    {
        if (sha256.Length != HashSize) throw new ArgumentException($"a SHA-256 hash is {HashSize} bytes, got {sha256.Length}", nameof(sha256));
        var hex = Convert.ToHexStringLower(sha256);
        return Path.Combine(ContentDirectory, hex[..2], hex[2..4], hex);
    }

    /// <summary>Every stored blob's hash: the small ones, then the files (for audits and rebuilds).</summary>
    public IEnumerable<byte[]> EnumerateHashes()
    {
        foreach (var hash in _small.EnumerateHashes()) yield return hash;
        if (!Directory.Exists(ContentDirectory)) yield break;
        foreach (var file in Directory.EnumerateFiles(ContentDirectory, "*", SearchOption.AllDirectories))
            if (Path.GetFileName(file) is { Length: HashSize * 2 } name && Convert.FromHexString(name) is { } hash) yield return hash;
    }

    /// <inheritdoc />
    /// <remarks>Journalled blobs are rows of <c>small.db</c> whatever their size, committed with their journal rows.</remarks>
    public async Task<byte[][]> AppendJournalAsync(IReadOnlyList<JournalBlob> blobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        var entries = new SmallBlobDatabase.Entry[blobs.Count];
        var hashes = new byte[blobs.Count][];
        for (var i = 0; i < blobs.Count; i++)
        {
            var plain = blobs[i].Content.Span;
            if (plain.Length > BlobStoreOptions.SmallBlobLimit * 16L)
                throw new BlobTooLargeException(BlobStoreOptions.SmallBlobLimit * 16L);
            hashes[i] = SHA256.HashData(plain);
            entries[i] = new SmallBlobDatabase.Entry(hashes[i], BlobEnvelope.Seal(plain, hashes[i], Keys), (int)blobs[i].Kind);
        }
        await _small.PutManyAsync(entries, cancellationToken).ConfigureAwait(false);
        return hashes;
    }

    /// <inheritdoc />
    public IEnumerable<BlobJournalEntry> ReadJournal(long afterSequence = 0)
    {
        foreach (var (sequence, kind, hash) in _small.ReadJournal(afterSequence)) yield return new BlobJournalEntry(sequence, (BlobJournalKind)kind, hash);
    }

    /// <inheritdoc />
    public IEnumerable<(BlobJournalEntry Entry, byte[]? Content)> ReadJournalContents()
    {
        foreach (var (sequence, kind, hash, stored) in _small.ReadJournalWithContent())
        {
            var entry = new BlobJournalEntry(sequence, (BlobJournalKind)kind, hash);
            byte[]? plain = null;
            if (stored is not null) plain = TryUnseal(stored, hash);
            else if (File.Exists(PathOf(hash)))
            {
                try { plain = ReadAllBytes(hash); } catch (Exception e) when (e is BlobCorruptException or BlobNotFoundException or IOException) { }
            }
            yield return (entry, plain);
        }
    }

    /// <inheritdoc />
    public IEnumerable<(byte[] Sha256, bool Intact)> CheckAll()
    {
        foreach (var (hash, stored) in _small.EnumerateAll())
            if (!File.Exists(PathOf(hash))) yield return (hash, TryUnseal(stored, hash) is not null);
        if (!Directory.Exists(ContentDirectory)) yield break;
        foreach (var file in Directory.EnumerateFiles(ContentDirectory, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) is not { Length: HashSize * 2 } name || !name.All(char.IsAsciiHexDigit)) continue;
            var hash = Convert.FromHexString(name);
            bool intact;
            try
            {
                using var stream = OpenRead(hash);
                intact = CryptographicOperations.FixedTimeEquals(SHA256.HashData(stream), hash);
            }
            catch (Exception e) when (e is BlobCorruptException or BlobNotFoundException or IOException)
            {
                intact = false;
            }
            yield return (hash, intact);
        }
    }

    // The plaintext of a small.db row when it is intact (authenticates and hashes to its key), else null.
    private byte[]? TryUnseal(byte[] stored, byte[] hash)
    {
        try
        {
            using var stream = Unseal(new MemoryStream(stored, writable: false), hash);
            using var plain = new MemoryStream(stored.Length);
            stream.CopyTo(plain);
            var bytes = plain.ToArray();
            return CryptographicOperations.FixedTimeEquals(SHA256.HashData(bytes), hash) ? bytes : null;
        }
        catch (Exception e) when (e is BlobCorruptException or IOException or CryptographicException)
        {
            return null;
        }
    }

    private byte[] ReadAllBytes(byte[] hash)
    {
        using var stream = OpenRead(hash);
        using var plain = new MemoryStream();
        stream.CopyTo(plain);
        return plain.ToArray();
    }

    /// <summary>Closes the small-blob database after committing what is queued.</summary>
    public async ValueTask DisposeAsync()
    {
        await _small.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Synchronous <see cref="DisposeAsync"/>, for containers disposed synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal object PublishLockFor(ReadOnlySpan<byte> sha256) => _publishLocks[sha256[0] % _publishLocks.Length];

    internal string NewTempPath() => Path.Combine(TempDirectory, $"{Guid.NewGuid():N}.part");

    internal async Task<BlobCommitResult> PutSmallAsync(byte[] sha256, byte[] sealedContent, long plaintextLength, CancellationToken cancellationToken)
    {
        if (File.Exists(PathOf(sha256))) return new BlobCommitResult(sha256, plaintextLength, AlreadyStored: true); // stored as a file before the limit was raised
        var stored = await _small.PutAsync(sha256, sealedContent, cancellationToken).ConfigureAwait(false);
        return new BlobCommitResult(sha256, plaintextLength, AlreadyStored: !stored);
    }

    private void RemoveStaleTempFiles(DateTime olderThanUtc)
    {
        foreach (var file in new DirectoryInfo(TempDirectory).EnumerateFiles("*.part"))
        {
            if (file.LastWriteTimeUtc > olderThanUtc) continue;
            try { file.Delete(); } catch (IOException) { } // in use or already gone: a later start retries
        }
    }
}
