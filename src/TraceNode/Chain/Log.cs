using Microsoft.Extensions.Logging;

namespace Trace.Node.Chain;

/// <summary>Log events of the chain connection (event ids 1200–1299).</summary>
internal static partial class Log
{
    [LoggerMessage(1200, LogLevel.Information, "Connected to the {Mode} chain at {Endpoint}, chain id {ChainId}")]
    public static partial void ChainConnected(ILogger logger, string mode, string endpoint, ulong chainId);

    [LoggerMessage(1201, LogLevel.Information, "No registry admin key (Chain:AdminKey / Chain:AdminKeystore): the participant admin RPCs are unavailable")]
    public static partial void NoAdminKey(ILogger logger);

    [LoggerMessage(1202, LogLevel.Information, "Granted the ParticipantRegistry admin role to the admin key {Admin}")]
    public static partial void AdminGranted(ILogger logger, Trace.Crypto.EthereumAddress admin);

    [LoggerMessage(1203, LogLevel.Warning, "The admin key {Admin} is not a ParticipantRegistry admin: participant admin RPCs will be refused until it is granted DEFAULT_ADMIN_ROLE")]
    public static partial void AdminKeyNotAdmin(ILogger logger, Trace.Crypto.EthereumAddress admin);
}
