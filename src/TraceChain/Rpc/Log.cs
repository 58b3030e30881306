using Microsoft.Extensions.Logging;

namespace Trace.Chain.Rpc;

/// <summary>Log events of the JSON-RPC layer (event ids 1000–1099).</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Warning, "RPC {Method} failed transiently, retry {Attempt} in {DelayMs:0} ms: {Reason}")]
    public static partial void RetryingRpc(ILogger logger, string method, int attempt, double delayMs, string reason);
}
