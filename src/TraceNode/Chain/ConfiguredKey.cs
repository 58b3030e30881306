using Trace.Chain.Keystore;
using Trace.Crypto;

namespace Trace.Node.Chain;

/// <summary>Reads a signing key given either as a keystore v3 file (with its password) or as hex; never echoes the key.</summary>
public static class ConfiguredKey
{
    /// <summary>
    /// The key from <paramref name="keystorePath"/> (decrypted with <paramref name="password"/>) when set, else from
    /// <paramref name="hexKey"/> when set, else null. Errors name the settings (<paramref name="keystoreSetting"/>,
    /// <paramref name="passwordSetting"/>, <paramref name="keySetting"/>), never the key.
    /// </summary>
    /// <exception cref="InvalidOperationException">the keystore is missing, its password is not set, or the hex is not a key.</exception>
    public static EthereumKey? TryLoad(string? keystorePath, string? password, string? hexKey, string keystoreSetting, string passwordSetting, string keySetting)
    {
        if (!string.IsNullOrWhiteSpace(keystorePath))
        {
            if (!File.Exists(keystorePath))
                throw new InvalidOperationException($"{keystoreSetting} '{keystorePath}' does not exist");
            if (password is null) throw new InvalidOperationException($"{passwordSetting} is required with {keystoreSetting}");
            var secret = Web3Keystore.Decrypt(File.ReadAllText(keystorePath), password);
            try { return EthereumKey.FromPrivateKey(secret); }
            finally { Array.Clear(secret); }
        }
        if (string.IsNullOrWhiteSpace(hexKey)) return null;
        try { return EthereumKey.FromHex(hexKey); }
        catch (ArgumentException) { throw new InvalidOperationException($"{keySetting} is not a valid 32-byte hex private key"); }
    }
}
