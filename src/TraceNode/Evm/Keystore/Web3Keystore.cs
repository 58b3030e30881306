using System.Security.Cryptography;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Generators;
using Trace.Crypto;

namespace Trace.Node.Evm.Keystore;

/// <summary>
/// Web3 Secret Storage v3 keystores: reads scrypt and pbkdf2 (hmac-sha256) files with aes-128-ctr, writes scrypt files.
/// Passwords are used as their UTF-8 bytes (as geth does).
/// </summary>
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
            var iv = KeystoreJson.HexBytes(KeystoreJson.Object(crypto, "cipherparams", "crypto.cipherparams"), "iv", "crypto.cipherparams.iv");
            var ciphertext = KeystoreJson.HexBytes(crypto, "ciphertext", "crypto.ciphertext");
            var mac = KeystoreJson.HexBytes(crypto, "mac", "crypto.mac");
            if (mac.Length != 32) throw new KeystoreException($"keystore field 'crypto.mac' must be 32 bytes, got {mac.Length}");

            var derived = DeriveKey(crypto, System.Text.Encoding.UTF8.GetBytes(password));
            try
            {
                if (!CryptographicOperations.FixedTimeEquals(Mac(derived, ciphertext), mac))
                    throw new KeystoreException("wrong password: the keystore MAC does not match");
                return AesCtr.Transform(derived.AsSpan(0, 16), iv, ciphertext);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(derived);
            }
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
        var derived = Scrypt(System.Text.Encoding.UTF8.GetBytes(password), salt, parameters.N, parameters.R, parameters.P, 32);
        try
        {
            var ciphertext = AesCtr.Transform(derived.AsSpan(0, 16), iv, privateKey);
            var mac = Mac(derived, ciphertext);
            return KeystoreJson.Write(address, id, iv, ciphertext, parameters, salt, mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
        }
    }

    private static byte[] DeriveKey(JsonElement crypto, byte[] password)
    {
        var kdf = KeystoreJson.String(crypto, "kdf", "crypto.kdf");
        var p = KeystoreJson.Object(crypto, "kdfparams", "crypto.kdfparams");
        var salt = KeystoreJson.HexBytes(p, "salt", "crypto.kdfparams.salt");
        var dkLen = KeystoreJson.Int(p, "dklen", "crypto.kdfparams.dklen");
        if (dkLen is < 32 or > 1024) throw new KeystoreException($"keystore field 'crypto.kdfparams.dklen' must be 32..1024, got {dkLen}");
        switch (kdf)
        {
            case "scrypt":
                var n = KeystoreJson.Int(p, "n", "crypto.kdfparams.n");
                var r = KeystoreJson.Int(p, "r", "crypto.kdfparams.r");
                var parallel = KeystoreJson.Int(p, "p", "crypto.kdfparams.p");
                CheckScrypt(n, r, parallel, "crypto.kdfparams");
                return Scrypt(password, salt, n, r, parallel, dkLen);
            case "pbkdf2":
                var prf = KeystoreJson.String(p, "prf", "crypto.kdfparams.prf");
                if (prf != "hmac-sha256") throw new KeystoreException($"unsupported prf '{prf}' in 'crypto.kdfparams.prf' (only hmac-sha256)");
                var iterations = KeystoreJson.Int(p, "c", "crypto.kdfparams.c");
                if (iterations is < 1 or > MaxPbkdf2Iterations)
                    throw new KeystoreException($"keystore field 'crypto.kdfparams.c' must be 1..{MaxPbkdf2Iterations}, got {iterations}");
                return Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, dkLen);
            default:
                throw new KeystoreException($"unsupported kdf '{kdf}' in 'crypto.kdf' (scrypt or pbkdf2)");
        }
    }

    // BouncyCastle applies RFC 7914's N < 2^(16·r) limit, which keystores in the wild exceed (N=2^18 with r=1).
    internal static byte[] Scrypt(byte[] password, byte[] salt, int n, int r, int p, int dkLen) =>
        r >= 2 || n < 1 << 16 ? SCrypt.Generate(password, salt, n, r, p, dkLen) : ScryptFallback.Generate(password, salt, n, r, p, dkLen);

    private static void CheckScrypt(int n, int r, int p, string field)
    {
        if (n < 2 || (n & (n - 1)) != 0) throw new KeystoreException($"keystore field '{field}.n' must be a power of two ≥ 2, got {n}");
        if (r < 1 || p < 1) throw new KeystoreException($"keystore fields '{field}.r' and '{field}.p' must be positive, got r={r} p={p}");
        if (128L * n * r > MaxScryptMemory || (long)p * r >= 1 << 30)
            throw new KeystoreException($"keystore scrypt parameters n={n} r={r} p={p} need more than {MaxScryptMemory >> 20} MiB");
    }

    // MAC = keccak256(derivedKey[16..32] ‖ ciphertext).
    private static byte[] Mac(byte[] derived, byte[] ciphertext)
    {
        var input = new byte[16 + ciphertext.Length];
        derived.AsSpan(16, 16).CopyTo(input);
        ciphertext.CopyTo(input, 16);
        var mac = Keccak256.Hash(input);
        CryptographicOperations.ZeroMemory(input);
        return mac;
    }
}
