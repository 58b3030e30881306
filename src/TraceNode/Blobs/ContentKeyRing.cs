using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Trace.Node.Blobs;

/// <summary>
/// The key-encryption keys (KEK) of the blob store: the current one wraps new data keys, retired ones still unwrap
/// older blobs. A KEK is named in blob headers by an 8-byte id (a hash of the key, never the key).
/// </summary>
public sealed class ContentKeyRing
{
    /// <summary>Size of a KEK and of a data key: AES-256.</summary>
    public const int KeySize = 32;

    /// <summary>Size of a key id in a blob header.</summary>
    public const int KeyIdSize = 8;

    private readonly Dictionary<ulong, byte[]> _keys = [];

    /// <summary>A ring whose current KEK is <paramref name="current"/>, with <paramref name="retired"/> kept for reading.</summary>
    public ContentKeyRing(byte[] current, params IEnumerable<byte[]> retired)
    {
        ArgumentNullException.ThrowIfNull(current);
        CurrentId = Add(current, "the current key-encryption key");
        CurrentKey = current.ToArray();
        foreach (var key in retired) Add(key, "a retired key-encryption key");
    }

    /// <summary>The current KEK's id.</summary>
    public ulong CurrentId { get; }

    internal byte[] CurrentKey { get; }

    /// <summary>The id a KEK is known by in blob headers: the first 8 bytes of SHA-256("trace/content-kek-id/v1" || key).</summary>
    public static ulong IdOf(ReadOnlySpan<byte> key)
    {
        Span<byte> input = stackalloc byte[23 + KeySize];
        "trace/content-kek-id/v1"u8.CopyTo(input);
        key.CopyTo(input[23..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    internal byte[]? Find(ulong id) => _keys.GetValueOrDefault(id);

    /// <summary>
    /// Loads the ring from options: <see cref="ContentEncryptionOptions.KeyEncryptionKey"/>, else
    /// <see cref="ContentEncryptionOptions.KeyEncryptionKeyFile"/>, else the generated default file (created if missing).
    /// Errors name the setting, never the key.
    /// </summary>
    /// <exception cref="InvalidOperationException">a setting holds no 32-byte key or names a missing file.</exception>
    public static ContentKeyRing Load(ContentEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        byte[] current;
        if (!string.IsNullOrWhiteSpace(options.KeyEncryptionKey))
            current = Decode(options.KeyEncryptionKey, $"{ContentEncryptionOptions.SectionName}:KeyEncryptionKey");
        else if (!string.IsNullOrWhiteSpace(options.KeyEncryptionKeyFile))
            current = ReadKeyFile(options.KeyEncryptionKeyFile, $"{ContentEncryptionOptions.SectionName}:KeyEncryptionKeyFile");
        else if (!string.IsNullOrWhiteSpace(options.GeneratedKeyFile))
            current = ReadOrCreate(options.GeneratedKeyFile);
        else
            throw new InvalidOperationException($"no content key-encryption key: set {ContentEncryptionOptions.SectionName}:KeyEncryptionKey or :KeyEncryptionKeyFile");
        var retired = options.RetiredKeyEncryptionKeyFiles.Select((path, i) => ReadKeyFile(path, $"{ContentEncryptionOptions.SectionName}:RetiredKeyEncryptionKeyFiles:{i}"));
        return new ContentKeyRing(current, retired.ToArray());
    }

    private ulong Add(byte[] key, string what)
    {
        if (key.Length != KeySize) throw new InvalidOperationException($"{what} must be {KeySize} bytes, got {key.Length}");
        var id = IdOf(key);
        _keys[id] = key.ToArray();
        return id;
    }

    private static byte[] ReadKeyFile(string path, string setting)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"{setting} '{path}' does not exist");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == KeySize) return bytes;
        return Decode(System.Text.Encoding.ASCII.GetString(bytes).Trim(), setting);
    }

    private static byte[] Decode(string base64, string setting)
    {
        var buffer = new byte[KeySize + 3];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written != KeySize)
            throw new InvalidOperationException($"{setting} must be base64 of exactly {KeySize} bytes");
        return buffer[..KeySize];
    }

    // The embedded default: 32 random bytes, base64, readable by the owner only; created once, then reused.
    private static byte[] ReadOrCreate(string path)
    {
        const string setting = "the generated content key-encryption key";
        if (File.Exists(path)) return ReadKeyFile(path, setting);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(KeySize);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var file = new FileStream(path, options);
            file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(key) + "\n"));
            file.Flush(flushToDisk: true);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return ReadKeyFile(path, setting); // another instance created it first
        }
    }

    /// <summary>Binds <see cref="ContentEncryptionOptions"/> and loads the ring once per container.</summary>
    internal static ContentKeyRing FromOptions(IOptions<ContentEncryptionOptions> options) => Load(options.Value);
}
