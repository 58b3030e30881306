namespace Trace.Chain.Rpc;

/// <summary>
/// Reads a node's JSON-RPC error code and message: whether retrying can help, and whether the node
/// refused an eth_getLogs range as too large. Messages differ by client (geth, erigon, anvil, Infura,
/// Alchemy), so both checks look at the text as well as the code.
/// </summary>
internal static class RpcErrorClassifier
{
    /// <summary>
    /// True for rate limits and "try again" answers. A refused log range is not transient even when it
    /// comes as -32005 (Infura's "query returned more than 10000 results"): the same request fails again,
    /// so the caller must narrow it instead of backing off.
    /// </summary>
    public static bool IsTransient(long code, string message) =>
        !IsRangeTooLarge(code, message)
        && (code is -32005 or 429 || ContainsAny(message, "rate limit", "try again", "too many requests"));

    /// <summary>
    /// The node refused an eth_getLogs request because the block range or its result is too large:
    /// geth/erigon/anvil/Ankr ("block range"), Besu ("exceeds maximum range limit"), Infura ("query returned
    /// more than 10000 results"), Alchemy ("log response size exceeded"), QuickNode ("is limited to a 10,000 range").
    /// </summary>
    public static bool IsRangeTooLarge(long code, string message) =>
        code != 0 && ContainsAny(message, "block range", "range too large", "range is too", "range limit", "maximum range",
            "is limited to a", "query returned more than", "response size", "too many results", "more than 10000");

    private static bool ContainsAny(string text, params string[] needles) =>
        needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));
}
