namespace Trace.Client.Verification;

/// <summary>
/// A proof bundle names another chain than the one the verifier can ask: no verdict is possible here, the bundle may be
/// perfectly valid on its own chain. Not a verification status, so a client does not mistake it for a forged bundle.
/// </summary>
public sealed class ChainMismatchException(ulong bundleChainId, ulong endpointChainId)
    : Exception($"proof_bundle_json.anchor.chainId: the bundle is anchored on chain {bundleChainId}, but the chain asked is chain {endpointChainId}; verify it against an RPC endpoint of chain {bundleChainId}")
{
    /// <summary>The chain the bundle names (<c>anchor.chainId</c>).</summary>
    public ulong BundleChainId { get; } = bundleChainId;

    /// <summary>The chain the verifier's endpoint answers for.</summary>
    public ulong EndpointChainId { get; } = endpointChainId;
}
