using Microsoft.Extensions.Logging;

namespace Trace.Node.Chain;

/// <summary>Log events of the chain connection (event ids 1200–1299).</summary>
internal static partial class Log
{
    [LoggerMessage(1200, LogLevel.Information, "Connected to the {Mode} chain at {Endpoint}, chain id {ChainId}")]
    public static partial void ChainConnected(ILogger logger, string mode, string endpoint, ulong chainId);
}
