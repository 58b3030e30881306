using System.Text.Json;
using System.Text.RegularExpressions;
using Trace.Chain.Keystore;
using Trace.Crypto;

namespace Trace.Client.Keys;

/// <summary>
/// A folder of Web3 Secret Storage (keystore v3) files, one per key, named <c>NAME.json</c>: what <c>trace keys</c> keeps
/// under <c>$TRACE_HOME/keys</c> (default <c>~/.trace/keys</c>). Files are written with mode 0600; private keys never
/// leave them unencrypted.
/// </summary>
public sealed partial class KeyStoreDirectory(string path)
{
    /// <summary>The folder.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The default folder: <c>$TRACE_HOME/keys</c>, else <c>~/.trace/keys</c>.</summary>
    public static KeyStoreDirectory Default() => new(System.IO.Path.Combine(
        Environment.GetEnvironmentVariable("TRACE_HOME") is { Length: > 0 } home ? home
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".trace"), "keys"));

    /// <summary>Generates a key and stores it encrypted under <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">a name that is not 1-64 letters, digits, '.', '_' or '-', or one already used.</exception>
    public KeyStoreEntry Create(string name, string password, KeyStrength strength = KeyStrength.Standard)
    {
        using var key = EthereumKey.Generate();
        return Import(name, key, password, strength);
    }

    /// <summary>Stores <paramref name="key"/> encrypted under <paramref name="name"/> (the caller keeps owning the key).</summary>
    /// <exception cref="ArgumentException">a bad or used name, an empty password, or a key already stored under another name.</exception>
    public KeyStoreEntry Import(string name, EthereumKey key, string password, KeyStrength strength = KeyStrength.Standard)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(password);
        if (!ValidName().IsMatch(name ?? "")) throw new ArgumentException($"name '{name}': 1 to 64 letters, digits, '.', '_' or '-'", nameof(name));
        var file = System.IO.Path.Combine(Path, name + ".json");
        if (File.Exists(file)) throw new ArgumentException($"name '{name}': a key of that name exists ({file})", nameof(name));
        if (List().FirstOrDefault(e => e.Address == key.Address) is { } existing)
            throw new ArgumentException($"key {key.Address} is already stored as '{existing.Name}'", nameof(key));
        var secret = key.ExportPrivateKey();
        string json;
        try
        {
            json = Web3Keystore.Encrypt(secret, password, key.Address, strength == KeyStrength.Light ? ScryptParameters.Light : ScryptParameters.Standard);
        }
        finally { Array.Clear(secret); }
        Directory.CreateDirectory(Path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(file, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(json);
        return new KeyStoreEntry(name!, key.Address, file);
    }

    /// <summary>Every key in the folder, by name; files that are not keystores are skipped.</summary>
    public IReadOnlyList<KeyStoreEntry> List()
    {
        if (!Directory.Exists(Path)) return [];
        var entries = new List<KeyStoreEntry>();
        foreach (var file in Directory.EnumerateFiles(Path, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file));
                if (document.RootElement.TryGetProperty("address", out var a) && EthereumAddress.TryParse(Prefixed(a.GetString()), out var address))
                    entries.Add(new KeyStoreEntry(System.IO.Path.GetFileNameWithoutExtension(file), address, file));
            }
            catch (Exception ex) when (ex is JsonException or IOException or InvalidOperationException) { }
        }
        return entries;
    }

    /// <summary>The entry named <paramref name="nameOrAddress"/> (a name or an address), or the only key when null.</summary>
    /// <exception cref="KeyNotFoundException">no such key, or null with none or several keys stored.</exception>
    public KeyStoreEntry Find(string? nameOrAddress)
    {
        var entries = List();
        if (string.IsNullOrEmpty(nameOrAddress))
        {
            return entries.Count == 1 ? entries[0]
                : throw new KeyNotFoundException(entries.Count == 0 ? $"no key in {Path}: create one with `trace keys new NAME`"
                    : $"{entries.Count} keys in {Path}: choose one with --key NAME (or TRACE_KEY)");
        }
        return entries.FirstOrDefault(e => e.Name == nameOrAddress
                || (EthereumAddress.TryParse(nameOrAddress, out var address) && e.Address == address))
            ?? throw new KeyNotFoundException($"no key '{nameOrAddress}' in {Path} (`trace keys list` shows them)");
    }

    /// <summary>Decrypts the key <paramref name="nameOrAddress"/> (see <see cref="Find"/>); the caller disposes it.</summary>
    /// <exception cref="KeystoreException">a wrong password or a damaged file.</exception>
    public EthereumKey Unlock(string? nameOrAddress, string password) => Unlock(Find(nameOrAddress), password);

    /// <summary>Decrypts <paramref name="entry"/>; the caller disposes the key.</summary>
    /// <exception cref="KeystoreException">a wrong password or a damaged file.</exception>
    public static EthereumKey Unlock(KeyStoreEntry entry, string password)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return UnlockFile(entry.Path, password);
    }

    /// <summary>Decrypts a keystore v3 file anywhere on disk; the caller disposes the key.</summary>
    /// <exception cref="KeystoreException">a wrong password or a damaged file.</exception>
    public static EthereumKey UnlockFile(string file, string password)
    {
        var secret = Web3Keystore.Decrypt(File.ReadAllText(file), password);
        try { return EthereumKey.FromPrivateKey(secret); }
        finally { Array.Clear(secret); }
    }

    private static string Prefixed(string? hex) => hex is null ? "" : hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex : "0x" + hex;

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ValidName();
}
