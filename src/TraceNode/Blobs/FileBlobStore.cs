using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Trace.Node.Blobs;

/// <summary>
/// Blobs in a local directory: small ones (up to <see cref="BlobStoreOptions.SmallBlobMaxBytes"/>) as rows of
/// <c>&lt;root&gt;/small.db</c>, larger ones as files under <c>&lt;root&gt;/sha256/ab/cd/abcd…</c> (two fan-out
/// levels keep directories small), written through <c>&lt;root&gt;/tmp</c> on the same file system so the final
/// rename is atomic.
/// </summary>
public sealed class FileBlobStore : IBlobStore, IAsyncDisposable, IDisposable
{
    private const int HashSize = 32;
    private readonly SmallBlobDatabase? _small;
    private readonly object[] _publishLocks = Enumerable.Range(0, 64).Select(_ => new object()).ToArray();

    /// <summary>Opens (creating if needed) the store and removes stale temp files left by a crash.</summary>
    public FileBlobStore(IOptions<BlobStoreOptions> options, TimeProvider clock, ILogger<FileBlobStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
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
        if (SmallBlobMaxBytes > 0)
            _small = new SmallBlobDatabase(Path.Combine(RootDirectory, "small.db"), logger ?? (ILogger)NullLogger.Instance);
    }

    /// <summary>The store's root directory (absolute).</summary>
    public string RootDirectory { get; }

    /// <summary>The size limit in bytes.</summary>
    public long MaxBlobBytes { get; }

    /// <summary>Blobs up to this many bytes go to the small-blob database; 0 when every blob is a file.</summary>
    public int SmallBlobMaxBytes { get; }

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
    public long? GetLength(ReadOnlySpan<byte> sha256)
    {
        var file = new FileInfo(PathOf(sha256));
        if (file.Exists) return file.Length;
        return _small?.GetLength(sha256);
    }

    /// <inheritdoc />
    public Stream OpenRead(ReadOnlySpan<byte> sha256)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path) && _small?.Get(sha256) is { } bytes) return new MemoryStream(bytes, writable: false);
        try
        {
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read | FileShare.Delete,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BlobNotFoundException(sha256.ToArray());
        }
    }

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
        if (_small is not null)
            foreach (var hash in _small.EnumerateHashes()) yield return hash;
        if (!Directory.Exists(ContentDirectory)) yield break;
        foreach (var file in Directory.EnumerateFiles(ContentDirectory, "*", SearchOption.AllDirectories))
            if (Path.GetFileName(file) is { Length: HashSize * 2 } name && Convert.FromHexString(name) is { } hash) yield return hash;
    }

    /// <summary>Closes the small-blob database after committing what is queued.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_small is not null) await _small.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Synchronous <see cref="DisposeAsync"/>, for containers disposed synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal object PublishLockFor(ReadOnlySpan<byte> sha256) => _publishLocks[sha256[0] % _publishLocks.Length];

    internal string NewTempPath() => Path.Combine(TempDirectory, $"{Guid.NewGuid():N}.part");

    internal async Task<BlobCommitResult> PutSmallAsync(byte[] sha256, byte[] content, CancellationToken cancellationToken)
    {
        if (_small is null) throw new InvalidOperationException("the small-blob database is disabled");
        if (File.Exists(PathOf(sha256))) return new BlobCommitResult(sha256, content.Length, AlreadyStored: true); // stored as a file before the limit was raised
        var stored = await _small.PutAsync(sha256, content, cancellationToken).ConfigureAwait(false);
        return new BlobCommitResult(sha256, content.Length, AlreadyStored: !stored);
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
