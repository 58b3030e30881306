using Trace.Chain.Keystore;
using Trace.Crypto;

namespace Trace.Node.Chain;

/// <summary>Loads the operator's signing key from configuration without ever echoing it.</summary>
public static class OperatorKeyLoader
{
    /// <summary>Anvil's public development key 0: used only in embedded mode, where the chain is local and throwaway.</summary>
    public const string EmbeddedDevelopmentKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    public static EthereumKey Load(ChainOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.OperatorKeystore))
        {
            if (!File.Exists(options.OperatorKeystore))
                throw new InvalidOperationException($"Chain:OperatorKeystore '{options.OperatorKeystore}' does not exist");
            var password = options.OperatorKeystorePassword
                ?? throw new InvalidOperationException("Chain:OperatorKeystorePassword is required with Chain:OperatorKeystore");
            var secret = Web3Keystore.Decrypt(File.ReadAllText(options.OperatorKeystore), password);
            try { return EthereumKey.FromPrivateKey(secret); }
            finally { Array.Clear(secret); }
        }
        if (!string.IsNullOrWhiteSpace(options.OperatorKey))
        {
            try { return EthereumKey.FromHex(options.OperatorKey); }
            catch (ArgumentException) { throw new InvalidOperationException("Chain:OperatorKey is not a valid 32-byte hex private key"); }
        }
        if (options.IsEmbedded) return EthereumKey.FromHex(EmbeddedDevelopmentKey);
        throw new InvalidOperationException("an external chain needs an operator key: set Chain:OperatorKey (environment Chain__OperatorKey) or Chain:OperatorKeystore");
    }
}
