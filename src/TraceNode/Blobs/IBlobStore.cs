namespace Trace.Node.Blobs;

/// <summary>Immutable content addressed by its SHA-256; a blob is visible only once complete and verified.</summary>
public interface IBlobStore
{
    /// <summary>Starts a new upload; the bytes go to a temp file and are hashed as they stream.</summary>
    IBlobWriter BeginWrite();

    /// <summary>True when a blob with this 32-byte SHA-256 is stored.</summary>
    bool Exists(ReadOnlySpan<byte> sha256);

    /// <summary>Opens a stored blob for reading.</summary>
    /// <exception cref="BlobNotFoundException">no blob has this hash.</exception>
    Stream OpenRead(ReadOnlySpan<byte> sha256);

    /// <summary>Length in bytes of a stored blob, or null when there is none.</summary>
    long? GetLength(ReadOnlySpan<byte> sha256);
}
