namespace Trace.Node.Blobs;

/// <summary>
/// The key-encryption key (KEK) that wraps each content blob's data key; bound from the <c>Trace:Content</c> section.
/// Precedence: <see cref="KeyEncryptionKey"/>, then <see cref="KeyEncryptionKeyFile"/>, then <see cref="GeneratedKeyFile"/>
/// (created with 32 random bytes on first start, mode 0600).
/// </summary>
public sealed class ContentEncryptionOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Trace:Content";

    /// <summary>The KEK as base64 of exactly 32 bytes (e.g. from an environment variable or a secret store). Never logged.</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>A file holding the KEK: 32 raw bytes, or base64 of 32 bytes (surrounding whitespace ignored). Must exist when set.</summary>
    public string? KeyEncryptionKeyFile { get; set; }

    /// <summary>
    /// KEKs that are no longer current but still unwrap older blobs (key rotation): each a file like
    /// <see cref="KeyEncryptionKeyFile"/>. New blobs are always wrapped with the current KEK.
    /// </summary>
    public List<string> RetiredKeyEncryptionKeyFiles { get; set; } = [];

    /// <summary>
    /// Where the embedded default KEK is generated when neither <see cref="KeyEncryptionKey"/> nor
    /// <see cref="KeyEncryptionKeyFile"/> is set. Default: <c>&lt;Trace:DataDirectory&gt;/keys/content-kek.key</c>.
    /// </summary>
    public string? GeneratedKeyFile { get; set; }
}
