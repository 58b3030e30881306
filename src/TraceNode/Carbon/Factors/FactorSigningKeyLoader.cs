using Trace.Crypto;
using Trace.Node.Chain;

namespace Trace.Node.Carbon.Factors;

/// <summary>Loads the key that signs factor-set records, without ever echoing it.</summary>
public static class FactorSigningKeyLoader
{
    // Domain tag of the embedded-mode derivation, so the derived key is used for nothing else.
    private static readonly byte[] DerivationTag = "trace/transport-factor-signing-key/v1"u8.ToArray();

    /// <summary>
    /// The configured key (<see cref="CarbonFactorOptions.FactorSigningKeystore"/> or <see cref="CarbonFactorOptions.FactorSigningKey"/>);
    /// in embedded mode without one, keccak256(tag ‖ operator key), stable across restarts and registered by the node itself;
    /// otherwise null (the set is not anchored).
    /// </summary>
    /// <exception cref="InvalidOperationException">a configured key or keystore that cannot be used (the message never contains the key).</exception>
    public static EthereumKey? Load(CarbonFactorOptions options, ChainOptions chain)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(chain);
        var configured = ConfiguredKey.TryLoad(options.FactorSigningKeystore, options.FactorSigningKeystorePassword, options.FactorSigningKey,
            "Trace:Carbon:FactorSigningKeystore", "Trace:Carbon:FactorSigningKeystorePassword", "Trace:Carbon:FactorSigningKey");
        if (configured is not null) return configured;
        if (!chain.IsEmbedded) return null;

        using var operatorKey = OperatorKeyLoader.Load(chain);
        var operatorSecret = operatorKey.ExportPrivateKey();
        var input = new byte[DerivationTag.Length + operatorSecret.Length];
        try
        {
            DerivationTag.CopyTo(input, 0);
            operatorSecret.CopyTo(input, DerivationTag.Length);
            var derived = Keccak256.Hash(input);
            try { return EthereumKey.FromPrivateKey(derived); }
            finally { Array.Clear(derived); }
        }
        finally
        {
            Array.Clear(operatorSecret);
            Array.Clear(input);
        }
    }
}
