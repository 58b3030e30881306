using Microsoft.Extensions.Logging;

namespace Trace.Chain.Accounts;

/// <summary>Log events of transaction sending (event ids 1300–1399). Raw signed bytes are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1300, LogLevel.Debug, "Sent transaction {Hash} with nonce {Nonce}, gas {Gas}")]
    public static partial void Sent(ILogger logger, string hash, ulong nonce, ulong gas);

    [LoggerMessage(1301, LogLevel.Warning, "Nonce {Nonce} refused ({Reason}); re-reading the account nonce")]
    public static partial void NonceResync(ILogger logger, ulong nonce, string reason);

    [LoggerMessage(1302, LogLevel.Warning, "Transaction {Hash} with nonce {Nonce} was dropped by the node; the nonce is released for the next transaction")]
    public static partial void Dropped(ILogger logger, string hash, ulong nonce);
}
