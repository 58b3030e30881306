using System.Security.Cryptography;

namespace Trace.Client.Claims;

/// <summary>The SHA-256 and length of a document, what its claim and SubmitDocument header carry.</summary>
public sealed record DocumentDigest(byte[] Sha256, ulong Length)
{
    /// <summary>Reads <paramref name="content"/> to its end, hashing as it goes.</summary>
    public static async Task<DocumentDigest> OfAsync(Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        ulong length = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            length += (ulong)read;
        }
        return new DocumentDigest(hash.GetHashAndReset(), length);
    }

    /// <summary>The digest of a file.</summary>
    public static async Task<DocumentDigest> OfFileAsync(string path, CancellationToken ct = default)
    {
        await using var file = File.OpenRead(path);
        return await OfAsync(file, ct).ConfigureAwait(false);
    }

    /// <summary>The digest of bytes in memory.</summary>
    public static DocumentDigest Of(ReadOnlySpan<byte> content) => new(SHA256.HashData(content), (ulong)content.Length);
}
