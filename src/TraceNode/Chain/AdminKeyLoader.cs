using Trace.Crypto;

namespace Trace.Node.Chain;

/// <summary>Loads the registry administrator's key (Chain:AdminKey / Chain:AdminKeystore) without ever echoing it.</summary>
public static class AdminKeyLoader
{
    /// <summary>Anvil's public development key #1 (0x70997970C51812dc3A010C7d01b50e0d17dc79C8): embedded mode only.</summary>
    public const string EmbeddedDevelopmentKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    /// <summary>The configured admin key; Anvil's account #1 in embedded mode when none is set; null on an external chain without one.</summary>
    public static EthereumKey? TryLoad(ChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = ConfiguredKey.TryLoad(options.AdminKeystore, options.AdminKeystorePassword, options.AdminKey,
            "Chain:AdminKeystore", "Chain:AdminKeystorePassword", "Chain:AdminKey");
        if (configured is not null) return configured;
        return options.IsEmbedded ? EthereumKey.FromHex(EmbeddedDevelopmentKey) : null;
    }
}
