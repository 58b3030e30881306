using Trace.Crypto;

namespace Trace.Node.Chain;

/// <summary>Loads the operator's signing key from configuration without ever echoing it.</summary>
public static class OperatorKeyLoader
{
    /// <summary>Anvil's public development key 0: used only in embedded mode, where the chain is local and throwaway.</summary>
    public const string EmbeddedDevelopmentKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    public static EthereumKey Load(ChainOptions options)
    {
        var configured = ConfiguredKey.TryLoad(options.OperatorKeystore, options.OperatorKeystorePassword, options.OperatorKey,
            "Chain:OperatorKeystore", "Chain:OperatorKeystorePassword", "Chain:OperatorKey");
        if (configured is not null) return configured;
        if (options.IsEmbedded) return EthereumKey.FromHex(EmbeddedDevelopmentKey);
        throw new InvalidOperationException("an external chain needs an operator key: set Chain:OperatorKey (environment Chain__OperatorKey) or Chain:OperatorKeystore");
    }
}
