using System.Security.Cryptography;
using System.Text.Json;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Crypto;
using Nethereum.KeyStore.Model;
using Trace.Crypto;

namespace Trace.Chain.Keystore;

/// <summary>
/// Web3 Secret Storage v3 keystores through Nethereum.KeyStore: reads scrypt and pbkdf2 (hmac-sha256) files with
/// aes-128-ctr, writes scrypt files. Passwords are used as their UTF-8 bytes (as geth does).
/// </summary>
/// <remarks>
/// Nethereum derives the key, checks the MAC and decrypts. Trace checks the document first, so a malformed file names
/// its bad field, and a file whose scrypt or pbkdf2 cost would exhaust memory or time is refused before any derivation.
/// </remarks>
public static class Web3Keystore
{
    private const int MaxScryptMemory = 1 << 30; // 128·N·r bytes; refuses files that would exhaust memory
    private const int MaxPbkdf2Iterations = 10_000_000;

    /// <summary>Decrypts a keystore and returns the private key.</summary>
    /// <exception cref="KeystoreException">wrong password (MAC mismatch), malformed JSON, unsupported kdf or cipher.</exception>
    public static byte[] Decrypt(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new KeystoreException($"keystore is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new KeystoreException("keystore must be a JSON object");
            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetRawText() != "3")
                throw new KeystoreException("keystore field 'version' must be 3");
            var crypto = root.TryGetProperty("crypto", out var c) ? c
                : root.TryGetProperty("Crypto", out c) ? c
                : throw new KeystoreException("keystore field 'crypto' is missing");

            var cipher = KeystoreJson.String(crypto, "cipher", "crypto.cipher");
            if (cipher != "aes-128-ctr") throw new KeystoreException($"unsupported cipher '{cipher}' in 'crypto.cipher' (only aes-128-ctr)");
            _ = KeystoreJson.HexBytes(KeystoreJson.Object(crypto, "cipherparams", "crypto.cipherparams"), "iv", "crypto.cipherparams.iv");
            _ = KeystoreJson.HexBytes(crypto, "ciphertext", "crypto.ciphertext");
            var mac = KeystoreJson.HexBytes(crypto, "mac", "crypto.mac");
            if (mac.Length != 32) throw new KeystoreException($"keystore field 'crypto.mac' must be 32 bytes, got {mac.Length}");

            CheckKdf(crypto);
        }
        try
        {
            return new KeyStoreService().DecryptKeyStoreFromJson(password, json);
        }
        catch (DecryptionException)
        {
            throw new KeystoreException("wrong password: the keystore MAC does not match");
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new KeystoreException($"keystore cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Encrypts a private key into a v3 keystore (scrypt, random salt and IV, random UUID).</summary>
    /// <param name="address">the key's address, written lower-case without 0x as the "address" field.</param>
    public static string Encrypt(ReadOnlySpan<byte> privateKey, string password, EthereumAddress address, ScryptParameters? parameters = null) =>
        Encrypt(privateKey, password, address, parameters ?? ScryptParameters.Standard,
            RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(16), Guid.NewGuid().ToString());

    /// <summary>Deterministic core of <see cref="Encrypt(ReadOnlySpan{byte}, string, EthereumAddress, ScryptParameters?)"/> (tests pin salt, IV and id).</summary>
    internal static string Encrypt(ReadOnlySpan<byte> privateKey, string password, EthereumAddress address, ScryptParameters parameters,
        byte[] salt, byte[] iv, string id)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (privateKey.Length != 32) throw new ArgumentException($"a private key is 32 bytes, got {privateKey.Length}", nameof(privateKey));
        CheckScrypt(parameters.N, parameters.R, parameters.P, "parameters");
        var service = new KeyStoreScryptService(new FixedRandom(salt, iv));
        var keyStore = service.EncryptAndGenerateKeyStore(password, privateKey.ToArray(), Hex.Encode(address.Bytes, prefix: false),
            new ScryptParams { Dklen = 32, N = parameters.N, R = parameters.R, P = parameters.P });
        keyStore.Id = id;
        keyStore.Address = Hex.Encode(address.Bytes, prefix: false);
        return service.SerializeKeyStoreToJson(keyStore);
    }

    private static void CheckKdf(JsonElement crypto)
    {
        var kdf = KeystoreJson.String(crypto, "kdf", "crypto.kdf");
        var p = KeystoreJson.Object(crypto, "kdfparams", "crypto.kdfparams");
        KeystoreJson.HexBytes(p, "salt", "crypto.kdfparams.salt");
        var dkLen = KeystoreJson.Int(p, "dklen", "crypto.kdfparams.dklen");
        if (dkLen is < 32 or > 1024) throw new KeystoreException($"keystore field 'crypto.kdfparams.dklen' must be 32..1024, got {dkLen}");
        switch (kdf)
        {
            case "scrypt":
                var n = KeystoreJson.Int(p, "n", "crypto.kdfparams.n");
                var r = KeystoreJson.Int(p, "r", "crypto.kdfparams.r");
                var parallel = KeystoreJson.Int(p, "p", "crypto.kdfparams.p");
                CheckScrypt(n, r, parallel, "crypto.kdfparams");
                break;
            case "pbkdf2":
                var prf = KeystoreJson.String(p, "prf", "crypto.kdfparams.prf");
                if (prf != "hmac-sha256") throw new KeystoreException($"unsupported prf '{prf}' in 'crypto.kdfparams.prf' (only hmac-sha256)");
                var iterations = KeystoreJson.Int(p, "c", "crypto.kdfparams.c");
                if (iterations is < 1 or > MaxPbkdf2Iterations)
                    throw new KeystoreException($"keystore field 'crypto.kdfparams.c' must be 1..{MaxPbkdf2Iterations}, got {iterations}");
                break;
            default:
                throw new KeystoreException($"unsupported kdf '{kdf}' in 'crypto.kdf' (scrypt or pbkdf2)");
        }
    }

    private static void CheckScrypt(int n, int r, int p, string field)
    {
        if (n < 2 || (n & (n - 1)) != 0) throw new KeystoreException($"keystore field '{field}.n' must be a power of two ≥ 2, got {n}");
        if (r < 1 || p < 1) throw new KeystoreException($"keystore fields '{field}.r' and '{field}.p' must be positive, got r={r} p={p}");
        if (128L * n * r > MaxScryptMemory || (long)p * r >= 1 << 30)
            throw new KeystoreException($"keystore scrypt parameters n={n} r={r} p={p} need more than {MaxScryptMemory >> 20} MiB");
    }

    /// <summary>Hands Nethereum the salt and IV a test pinned, once each.</summary>
    private sealed class FixedRandom(byte[] salt, byte[] iv) : IRandomBytesGenerator
    {
        public byte[] GenerateRandomInitialisationVector() => (byte[])iv.Clone();

        public byte[] GenerateRandomSalt() => (byte[])salt.Clone();
    }
}
