using Microsoft.Extensions.Options;

namespace Trace.Node.Blobs;

/// <summary>
/// Blobs as files under <c>&lt;root&gt;/sha256/ab/cd/abcd…</c> (two fan-out levels keep directories small), written
/// through <c>&lt;root&gt;/tmp</c> on the same file system so the final rename is atomic.
/// </summary>
public sealed class FileBlobStore : IBlobStore
{
    private const int HashSize = 32;

    /// <summary>Opens (creating if needed) the store and removes stale temp files left by a crash.</summary>
    public FileBlobStore(IOptions<BlobStoreOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var settings = options.Value;
        if (settings.MaxBlobBytes < 1) throw new ArgumentException($"MaxBlobBytes must be positive, got {settings.MaxBlobBytes}", nameof(options));
        RootDirectory = Path.GetFullPath(settings.RootDirectory);
        MaxBlobBytes = settings.MaxBlobBytes;
        TempDirectory = Path.Combine(RootDirectory, "tmp");
        ContentDirectory = Path.Combine(RootDirectory, "sha256");
        Directory.CreateDirectory(TempDirectory);
        Directory.CreateDirectory(ContentDirectory);
        RemoveStaleTempFiles(clock.GetUtcNow().UtcDateTime - settings.StaleTempAge);
    }

    /// <summary>The store's root directory (absolute).</summary>
    public string RootDirectory { get; }

    /// <summary>The size limit in bytes.</summary>
    public long MaxBlobBytes { get; }

    internal string TempDirectory { get; }

    internal string ContentDirectory { get; }

    /// <inheritdoc />
    public IBlobWriter BeginWrite() => new FileBlobWriter(this, Path.Combine(TempDirectory, $"{Guid.NewGuid():N}.part"));

    /// <inheritdoc />
    public bool Exists(ReadOnlySpan<byte> sha256) => File.Exists(PathOf(sha256));

    /// <inheritdoc />
    public long? GetLength(ReadOnlySpan<byte> sha256)
    {
        var file = new FileInfo(PathOf(sha256));
        return file.Exists ? file.Length : null;
    }

    /// <inheritdoc />
    public Stream OpenRead(ReadOnlySpan<byte> sha256)
    {
        var path = PathOf(sha256);
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

    private void RemoveStaleTempFiles(DateTime olderThanUtc)
    {
        foreach (var file in new DirectoryInfo(TempDirectory).EnumerateFiles("*.part"))
        {
            if (file.LastWriteTimeUtc > olderThanUtc) continue;
            try { file.Delete(); } catch (IOException) { } // in use or already gone: a later start retries
        }
    }
}
