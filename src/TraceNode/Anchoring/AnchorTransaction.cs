namespace Trace.Node.Anchoring;

/// <summary>A signed anchoring transaction: what is persisted before it is broadcast, so a restart can send the very same bytes.</summary>
/// <param name="Nonce">The operator account nonce it uses.</param>
/// <param name="Hash">The transaction hash, 32 bytes.</param>
/// <param name="Raw">The signed bytes as broadcast (public once sent; no secret).</param>
public sealed record AnchorTransaction(long Nonce, byte[] Hash, byte[] Raw);
