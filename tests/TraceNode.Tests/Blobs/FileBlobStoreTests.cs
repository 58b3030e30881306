using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Trace.Node.Blobs;

namespace Trace.Node.Tests.Blobs;

public sealed class FileBlobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"trace-blobs-{Guid.NewGuid():N}");

    public void Dispose()
    {
        foreach (var store in _stores) store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private readonly List<FileBlobStore> _stores = [];

    // One key-encryption key for every store of a test, as a node keeps its key across restarts.
    private readonly ContentKeyRing _keys = new(RandomNumberGenerator.GetBytes(32));

    // Small-blob limit 4 KiB in these tests: content above it is a file, content up to it a row of small.db.
    private const int SmallLimit = 4096;

    private FileBlobStore CreateStore(long maxBytes = 1024 * 1024, TimeSpan? staleAge = null, int smallLimit = SmallLimit)
    {
        var store = new FileBlobStore(Options.Create(new BlobStoreOptions
        {
            RootDirectory = _root, MaxBlobBytes = maxBytes, StaleTempAge = staleAge ?? TimeSpan.FromHours(1), SmallBlobMaxBytes = smallLimit,
        }), _keys, TimeProvider.System);
        _stores.Add(store);
        return store;
    }

    private static async Task<BlobCommitResult> PutAsync(IBlobStore store, byte[] content, byte[]? expected = null, int chunk = 1000)
    {
        await using var writer = store.BeginWrite();
        for (var offset = 0; offset < content.Length; offset += chunk)
            await writer.WriteAsync(content.AsMemory(offset, Math.Min(chunk, content.Length - offset)), CancellationToken.None);
        return await writer.CommitAsync(expected ?? SHA256.HashData(content), CancellationToken.None);
    }

    // Files holding content: blob files and temp files, not the small-blob database.
    private IEnumerable<string> AllFiles() =>
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith("small.db", StringComparison.Ordinal));

    private string[] TempFiles() => Directory.GetFiles(Path.Combine(_root, "tmp"));

    [Fact]
    public async Task Committed_blob_is_stored_under_fanned_out_sha256_path_and_reads_back()
    {
        var store = CreateStore();
        var content = RandomNumberGenerator.GetBytes(10_000); // above the small-blob limit: a file

        var result = await PutAsync(store, content);

        var hex = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal(Path.Combine(_root, "sha256", hex[..2], hex[2..4], hex), store.PathOf(result.Sha256));
        Assert.Equal((10_000L, false), (result.Length, result.AlreadyStored));
        Assert.True(store.Exists(result.Sha256));
        Assert.Equal(10_000L, store.GetLength(result.Sha256));
        await using var read = store.OpenRead(result.Sha256);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
        Assert.Empty(TempFiles());
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(SmallLimit + 1, 1)]
    public async Task Identical_content_is_stored_once(int length, int expectedFiles)
    {
        var store = CreateStore();
        var content = RandomNumberGenerator.GetBytes(length);

        var first = await PutAsync(store, content);
        var second = await PutAsync(store, content);
        var third = await store.PutAsync(content, SHA256.HashData(content), CancellationToken.None);

        Assert.False(first.AlreadyStored);
        Assert.True(second.AlreadyStored);
        Assert.True(third.AlreadyStored);
        Assert.Equal(expectedFiles, AllFiles().Count());
        Assert.Equal(new[] { Convert.ToHexStringLower(first.Sha256) }, store.EnumerateHashes().Select(Convert.ToHexStringLower));
    }

    [Fact]
    public async Task Small_content_is_kept_in_the_small_blob_database_and_survives_a_restart()
    {
        var content = "{\"reading\":\"42.7 kWh\"}"u8.ToArray();
        var hash = SHA256.HashData(content);
        var store = CreateStore();

        var other = RandomNumberGenerator.GetBytes(100);

        var streamed = await PutAsync(store, content);
        var direct = await store.PutAsync(other, SHA256.HashData(other), CancellationToken.None);

        Assert.False(streamed.AlreadyStored);
        Assert.False(direct.AlreadyStored);
        Assert.Empty(AllFiles());
        await store.DisposeAsync();
        var reopened = CreateStore();
        Assert.Equal(content.Length, reopened.GetLength(hash));
        await using var read = reopened.OpenRead(hash);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
        Assert.Equal(2, reopened.EnumerateHashes().Count());
    }

    [Fact]
    public async Task Put_of_bytes_that_do_not_match_the_hash_is_refused_and_stores_nothing()
    {
        var store = CreateStore();
        var claimed = SHA256.HashData("what the claim says"u8);

        await Assert.ThrowsAsync<BlobHashMismatchException>(() => store.PutAsync("what was sent"u8.ToArray(), claimed, CancellationToken.None));

        Assert.Empty(store.EnumerateHashes());
        Assert.False(store.Exists(SHA256.HashData("what was sent"u8)));
    }

    [Fact]
    public async Task With_the_small_blob_database_off_every_blob_is_a_file()
    {
        var store = CreateStore(smallLimit: 0);

        var result = await store.PutAsync("tiny"u8.ToArray(), SHA256.HashData("tiny"u8), CancellationToken.None);

        Assert.Equal(BlobEnvelope.SealedLength(4), new FileInfo(store.PathOf(result.Sha256)).Length); // a sealed file, not the 4 plaintext bytes
        await using (var read = store.OpenRead(result.Sha256))
        using (var copy = new MemoryStream())
        {
            await read.CopyToAsync(copy);
            Assert.Equal("tiny"u8.ToArray(), copy.ToArray());
        }
        // small.db still exists (it holds the blob journal, docs/rebuild.md) but keeps no content.
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_root, "small.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM blobs";
        Assert.Equal(0L, (long)count.ExecuteScalar()!);
    }

    [Fact]
    public async Task Hash_mismatch_is_refused_and_leaves_nothing()
    {
        var store = CreateStore();
        var claimed = SHA256.HashData("what the claim says"u8);

        var error = await Assert.ThrowsAsync<BlobHashMismatchException>(() => PutAsync(store, "what was uploaded"u8.ToArray(), claimed));

        Assert.Equal(claimed, error.Expected);
        Assert.Equal(SHA256.HashData("what was uploaded"u8), error.Actual);
        Assert.Empty(AllFiles());
    }

    [Fact]
    public async Task Aborted_or_abandoned_uploads_leave_nothing()
    {
        var store = CreateStore();
        var aborted = store.BeginWrite();
        await aborted.WriteAsync(new byte[SmallLimit + 100], CancellationToken.None);
        aborted.Abort();
        await using (var abandoned = store.BeginWrite())
        {
            await abandoned.WriteAsync(new byte[100], CancellationToken.None);
            Assert.Empty(TempFiles()); // still in memory
            await abandoned.WriteAsync(new byte[SmallLimit], CancellationToken.None);
            Assert.Single(TempFiles()); // spilled to disk past the small-blob limit
        }

        Assert.Empty(AllFiles());
        Assert.Empty(store.EnumerateHashes());
        await Assert.ThrowsAsync<InvalidOperationException>(() => aborted.CommitAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Upload_over_the_limit_is_refused_and_leaves_nothing()
    {
        var store = CreateStore(maxBytes: 6000);

        var error = await Assert.ThrowsAsync<BlobTooLargeException>(() => PutAsync(store, new byte[6001]));

        Assert.Equal(6000, error.Limit);
        Assert.Empty(AllFiles());
        await Assert.ThrowsAsync<BlobTooLargeException>(() => CreateStore(maxBytes: 2000).PutAsync(new byte[2001], SHA256.HashData(new byte[2001]), CancellationToken.None));
        Assert.Empty(store.EnumerateHashes());
        Assert.False((await PutAsync(store, new byte[6000])).AlreadyStored);
    }

    [Fact]
    public async Task Concurrent_writers_of_the_same_content_all_succeed_and_store_one_file()
    {
        var store = CreateStore();
        var content = RandomNumberGenerator.GetBytes(200_000);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PutAsync(store, content, chunk: 4096))));

        Assert.Single(results, r => !r.AlreadyStored);
        Assert.All(results, r => Assert.Equal(SHA256.HashData(content), r.Sha256));
        Assert.Single(AllFiles());
        await using var read = store.OpenRead(results[0].Sha256);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Content_hashed_by_the_server_commits_without_an_expected_hash()
    {
        var store = CreateStore();
        await using var writer = store.BeginWrite();
        await writer.WriteAsync("""{"a":1}"""u8.ToArray(), CancellationToken.None);

        var result = await writer.CommitAsync(CancellationToken.None);

        Assert.Equal(SHA256.HashData("""{"a":1}"""u8), result.Sha256);
    }

    [Fact]
    public void Opening_a_missing_blob_says_which_hash()
    {
        var store = CreateStore();
        var hash = SHA256.HashData("never stored"u8);

        var error = Assert.Throws<BlobNotFoundException>(() => store.OpenRead(hash));

        Assert.Contains(Convert.ToHexStringLower(hash), error.Message);
        Assert.False(store.Exists(hash));
        Assert.Null(store.GetLength(hash));
    }

    [Fact]
    public void Stale_temp_files_are_removed_on_start_and_fresh_ones_kept()
    {
        CreateStore();
        var stale = Path.Combine(_root, "tmp", "crashed.part");
        var fresh = Path.Combine(_root, "tmp", "uploading.part");
        File.WriteAllBytes(stale, new byte[10]);
        File.WriteAllBytes(fresh, new byte[10]);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));

        CreateStore(staleAge: TimeSpan.FromHours(1));

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
    }
}
