using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Trace.Node.Blobs;

namespace Trace.Node.Tests.Blobs;

/// <summary>Content at rest: sealed with AES-256-GCM, never in plaintext on disk, tamper-evident, readable across versions and key rotation.</summary>
public sealed class SealedBlobTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"trace-sealed-{Guid.NewGuid():N}");
    private readonly List<FileBlobStore> _stores = [];
    private readonly byte[] _kek = RandomNumberGenerator.GetBytes(32);
    private const int SmallLimit = 4096;
    private static readonly byte[] Marker = Encoding.ASCII.GetBytes("CONFIDENTIAL-MARKER-7f3a9c");

    public void Dispose()
    {
        foreach (var store in _stores) store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private FileBlobStore CreateStore(ContentKeyRing? keys = null, int smallLimit = SmallLimit)
    {
        var store = new FileBlobStore(Options.Create(new BlobStoreOptions { RootDirectory = _root, SmallBlobMaxBytes = smallLimit }),
            keys ?? new ContentKeyRing(_kek), TimeProvider.System);
        _stores.Add(store);
        return store;
    }

    // Marker text repeated: any plaintext fragment on disk would show it.
    private static byte[] MarkedContent(int length)
    {
        var content = new byte[length];
        for (var i = 0; i < length; i += Marker.Length) Marker.AsSpan(0, Math.Min(Marker.Length, length - i)).CopyTo(content.AsSpan(i));
        return content;
    }

    private static async Task<BlobCommitResult> PutAsync(IBlobStore store, byte[] content, int chunk = 7000)
    {
        await using var writer = store.BeginWrite();
        for (var offset = 0; offset < content.Length; offset += chunk)
            await writer.WriteAsync(content.AsMemory(offset, Math.Min(chunk, content.Length - offset)), CancellationToken.None);
        return await writer.CommitAsync(SHA256.HashData(content), CancellationToken.None);
    }

    private static async Task<byte[]> ReadAllAsync(IBlobStore store, byte[] hash)
    {
        await using var read = store.OpenRead(hash);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy, 1000);
        return copy.ToArray();
    }

    private bool AnyFileContainsMarker() =>
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Any(f => File.ReadAllBytes(f).AsSpan().IndexOf(Marker) >= 0);

    [Theory]
    [InlineData(SmallLimit + 1)]
    [InlineData(BlobEnvelope.SegmentSize)]
    [InlineData(2 * BlobEnvelope.SegmentSize)]
    [InlineData(3 * BlobEnvelope.SegmentSize + 12_345)]
    public async Task Blob_files_hold_no_plaintext_and_read_back_whole(int length)
    {
        var store = CreateStore();
        var content = MarkedContent(length);

        var result = await PutAsync(store, content);

        Assert.Equal(length, result.Length);
        Assert.Equal(length, store.GetLength(result.Sha256));
        Assert.Equal(BlobEnvelope.SealedLength(length), new FileInfo(store.PathOf(result.Sha256)).Length);
        Assert.False(AnyFileContainsMarker());
        Assert.Equal(content, await ReadAllAsync(store, result.Sha256));
    }

    [Fact]
    public async Task Small_blob_rows_hold_no_plaintext_and_read_back_after_a_restart()
    {
        var store = CreateStore();
        var content = MarkedContent(1000);
        var result = await PutAsync(store, content);
        await store.DisposeAsync();
        SqliteConnection.ClearAllPools();

        Assert.False(AnyFileContainsMarker());
        var reopened = CreateStore();
        Assert.Equal(1000, reopened.GetLength(result.Sha256));
        Assert.Equal(content, await ReadAllAsync(reopened, result.Sha256));
    }

    [Fact]
    public async Task Two_stores_of_the_same_content_seal_it_differently()
    {
        // A fresh data key and nonce per blob: equal plaintexts give unrelated ciphertexts.
        var content = MarkedContent(20_000);
        var first = CreateStore(smallLimit: 0);
        var firstResult = await PutAsync(first, content);
        var firstBytes = await File.ReadAllBytesAsync(first.PathOf(firstResult.Sha256));
        File.Delete(first.PathOf(firstResult.Sha256));

        await PutAsync(first, content);

        var secondBytes = await File.ReadAllBytesAsync(first.PathOf(firstResult.Sha256));
        Assert.NotEqual(firstBytes.AsSpan(BlobEnvelope.HeaderSize, 64).ToArray(), secondBytes.AsSpan(BlobEnvelope.HeaderSize, 64).ToArray());
    }

    [Fact]
    public async Task A_flipped_bit_in_a_segment_fails_the_read_naming_the_segment()
    {
        var store = CreateStore();
        var content = MarkedContent(2 * BlobEnvelope.SegmentSize + 10);
        var result = await PutAsync(store, content);
        var path = store.PathOf(result.Sha256);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[BlobEnvelope.HeaderSize + BlobEnvelope.SegmentSize + BlobEnvelope.TagSize + 5] ^= 1; // inside segment 1
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsAsync<BlobCorruptException>(() => ReadAllAsync(store, result.Sha256));

        Assert.Contains("segment 1", error.Message);
    }

    [Fact]
    public async Task Swapped_segments_fail_authentication()
    {
        var store = CreateStore();
        var content = RandomNumberGenerator.GetBytes(3 * BlobEnvelope.SegmentSize);
        var result = await PutAsync(store, content);
        var path = store.PathOf(result.Sha256);
        var bytes = await File.ReadAllBytesAsync(path);
        const int sealedSegment = BlobEnvelope.SegmentSize + BlobEnvelope.TagSize;
        var first = bytes.AsSpan(BlobEnvelope.HeaderSize, sealedSegment).ToArray();
        bytes.AsSpan(BlobEnvelope.HeaderSize + sealedSegment, sealedSegment).CopyTo(bytes.AsSpan(BlobEnvelope.HeaderSize));
        first.CopyTo(bytes.AsSpan(BlobEnvelope.HeaderSize + sealedSegment));
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsAsync<BlobCorruptException>(() => ReadAllAsync(store, result.Sha256));

        Assert.Contains("segment 0", error.Message);
    }

    [Fact]
    public async Task A_blob_cut_at_a_segment_boundary_is_detected()
    {
        // Dropping the last segment leaves a well-formed length; the "last" flag in the nonce catches it.
        var store = CreateStore();
        var content = RandomNumberGenerator.GetBytes(2 * BlobEnvelope.SegmentSize + 100);
        var result = await PutAsync(store, content);
        var path = store.PathOf(result.Sha256);
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(BlobEnvelope.HeaderSize + 2 * (BlobEnvelope.SegmentSize + BlobEnvelope.TagSize))]);

        await Assert.ThrowsAsync<BlobCorruptException>(() => ReadAllAsync(store, result.Sha256));
    }

    [Fact]
    public async Task A_blob_file_copied_under_another_hash_does_not_open()
    {
        var store = CreateStore(smallLimit: 0);
        var a = await PutAsync(store, MarkedContent(5000));
        var other = SHA256.HashData("another document"u8);
        Directory.CreateDirectory(Path.GetDirectoryName(store.PathOf(other))!);
        File.Copy(store.PathOf(a.Sha256), store.PathOf(other));

        var error = Assert.Throws<BlobCorruptException>(() => store.OpenRead(other).Dispose());

        Assert.Contains("key wrap", error.Message);
    }

    [Fact]
    public async Task Plaintext_blobs_of_earlier_versions_are_still_read()
    {
        var store = CreateStore();
        var large = MarkedContent(10_000);
        var largeHash = SHA256.HashData(large);
        Directory.CreateDirectory(Path.GetDirectoryName(store.PathOf(largeHash))!);
        await File.WriteAllBytesAsync(store.PathOf(largeHash), large);
        var small = "{\"legacy\":true}"u8.ToArray();
        var smallHash = SHA256.HashData(small);
        await PutAsync(store, MarkedContent(10)); // creates small.db
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_root, "small.db")};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO blobs (hash, content) VALUES ($h, $c)";
            insert.Parameters.AddWithValue("$h", smallHash);
            insert.Parameters.AddWithValue("$c", small);
            insert.ExecuteNonQuery();
        }

        Assert.Equal(large, await ReadAllAsync(store, largeHash));
        Assert.Equal(10_000, store.GetLength(largeHash));
        Assert.Equal(small, await ReadAllAsync(store, smallHash));
        Assert.Equal(small.Length, store.GetLength(smallHash));
    }

    [Fact]
    public async Task After_key_rotation_older_blobs_read_with_the_retired_key_and_not_without_it()
    {
        var oldKek = _kek;
        var content = MarkedContent(9000);
        var result = await PutAsync(CreateStore(), content);
        var newKek = RandomNumberGenerator.GetBytes(32);

        var rotated = CreateStore(new ContentKeyRing(newKek, oldKek));
        Assert.Equal(content, await ReadAllAsync(rotated, result.Sha256));

        var withoutOld = CreateStore(new ContentKeyRing(newKek));
        var error = Assert.Throws<BlobCorruptException>(() => withoutOld.OpenRead(result.Sha256).Dispose());
        Assert.Contains($"{ContentKeyRing.IdOf(oldKek):x16}", error.Message);
        Assert.Contains("RetiredKeyEncryptionKeyFiles", error.Message);
    }

    [Fact]
    public void The_generated_key_file_is_created_once_owner_only_and_reused()
    {
        var path = Path.Combine(_root, "keys", "content-kek.key");
        var options = new ContentEncryptionOptions { GeneratedKeyFile = path };

        var first = ContentKeyRing.Load(options);
        var second = ContentKeyRing.Load(options);

        Assert.Equal(first.CurrentId, second.CurrentId);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_configured_key_wins_over_the_files_and_a_bad_one_is_named_without_echoing_it()
    {
        var configured = Convert.ToBase64String(_kek);
        var ring = ContentKeyRing.Load(new ContentEncryptionOptions { KeyEncryptionKey = configured, GeneratedKeyFile = Path.Combine(_root, "unused.key") });
        Assert.Equal(ContentKeyRing.IdOf(_kek), ring.CurrentId);
        Assert.False(File.Exists(Path.Combine(_root, "unused.key")));

        var shortKey = Convert.ToBase64String(new byte[16]);
        var error = Assert.Throws<InvalidOperationException>(() => ContentKeyRing.Load(new ContentEncryptionOptions { KeyEncryptionKey = shortKey }));
        Assert.Contains("Trace:Content:KeyEncryptionKey", error.Message);
        Assert.DoesNotContain(shortKey, error.Message);

        var missing = Assert.Throws<InvalidOperationException>(() => ContentKeyRing.Load(new ContentEncryptionOptions { KeyEncryptionKeyFile = Path.Combine(_root, "nope.key") }));
        Assert.Contains("Trace:Content:KeyEncryptionKeyFile", missing.Message);
    }
}
