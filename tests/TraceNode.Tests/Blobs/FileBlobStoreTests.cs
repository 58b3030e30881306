using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Trace.Node.Blobs;

namespace Trace.Node.Tests.Blobs;

public sealed class FileBlobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"trace-blobs-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private FileBlobStore CreateStore(long maxBytes = 1024 * 1024, TimeSpan? staleAge = null) =>
        new(Options.Create(new BlobStoreOptions { RootDirectory = _root, MaxBlobBytes = maxBytes, StaleTempAge = staleAge ?? TimeSpan.FromHours(1) }), TimeProvider.System);

    private static async Task<BlobCommitResult> PutAsync(IBlobStore store, byte[] content, byte[]? expected = null, int chunk = 1000)
    {
        await using var writer = store.BeginWrite();
        for (var offset = 0; offset < content.Length; offset += chunk)
            await writer.WriteAsync(content.AsMemory(offset, Math.Min(chunk, content.Length - offset)), CancellationToken.None);
        return await writer.CommitAsync(expected ?? SHA256.HashData(content), CancellationToken.None);
    }

    private IEnumerable<string> AllFiles() => Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories);

    private string[] TempFiles() => Directory.GetFiles(Path.Combine(_root, "tmp"));

    [Fact]
    public async Task Committed_blob_is_stored_under_fanned_out_sha256_path_and_reads_back()
    {
        var store = CreateStore();
        var content = RandomNumberGenerator.GetBytes(10_000);

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

    [Fact]
    public async Task Identical_content_is_stored_once()
    {
        var store = CreateStore();
        var content = "same bytes"u8.ToArray();

        var first = await PutAsync(store, content);
        var second = await PutAsync(store, content);

        Assert.False(first.AlreadyStored);
        Assert.True(second.AlreadyStored);
        Assert.Single(AllFiles());
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
        await aborted.WriteAsync(new byte[100], CancellationToken.None);
        aborted.Abort();
        await using (var abandoned = store.BeginWrite())
        {
            await abandoned.WriteAsync(new byte[100], CancellationToken.None);
            Assert.Single(TempFiles());
        }

        Assert.Empty(AllFiles());
        await Assert.ThrowsAsync<InvalidOperationException>(() => aborted.CommitAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Upload_over_the_limit_is_refused_and_leaves_nothing()
    {
        var store = CreateStore(maxBytes: 2500);

        var error = await Assert.ThrowsAsync<BlobTooLargeException>(() => PutAsync(store, new byte[2501]));

        Assert.Equal(2500, error.Limit);
        Assert.Empty(AllFiles());
        Assert.False((await PutAsync(store, new byte[2500])).AlreadyStored);
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
        Assert.Equal(content, await File.ReadAllBytesAsync(store.PathOf(results[0].Sha256)));
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
