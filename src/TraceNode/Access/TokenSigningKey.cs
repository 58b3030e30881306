using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Trace.Node.Access;

/// <summary>
/// The HS256 key of access tokens: <c>Trace:Access:TokenSigningKey</c> when set, else the key generated once into
/// &lt;data&gt;/access/token-signing.key (mode 0600) and read from there on later starts. Never logged.
/// </summary>
public sealed class TokenSigningKey
{
    /// <summary>The generated key's file name under &lt;data&gt;/access.</summary>
    public const string FileName = "token-signing.key";

    private readonly Lazy<byte[]> _bytes;

    public TokenSigningKey(IOptions<AccessOptions> access, IOptions<TraceNodeOptions> node)
    {
        _bytes = new Lazy<byte[]>(() => access.Value.TokenSigningKey is { Length: > 0 } configured
            ? Convert.FromBase64String(configured)
            : LoadOrCreate(Path.Combine(node.Value.DataDirectoryFullPath, "access", FileName)));
    }

    /// <summary>The key bytes (32 or more).</summary>
    internal byte[] Bytes => _bytes.Value;

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path)) return Read(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var temp = path + ".tmp";
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, create))
        using (var writer = new StreamWriter(stream))
            writer.Write(Convert.ToBase64String(key));
        try
        {
            // Two processes starting at once on one data directory: the first rename wins, the other reads it.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return Read(path);
        }
        return key;
    }

    private static byte[] Read(string path)
    {
        byte[]? key = null;
        try { key = Convert.FromBase64String(File.ReadAllText(path).Trim()); } catch (FormatException) { }
        return key is { Length: >= 32 } ? key
            : throw new InvalidOperationException($"{path}: not a base64 key of at least 32 bytes; delete it to have a new one generated (signed-in callers then sign in again)");
    }
}
