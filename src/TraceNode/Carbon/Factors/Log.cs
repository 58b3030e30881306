using Microsoft.Extensions.Logging;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;

namespace Trace.Node.Carbon.Factors;

/// <summary>Log messages of the transport factor sets (event ids 7000-7099).</summary>
internal static partial class Log
{
    [LoggerMessage(7000, LogLevel.Information, "Transport factor set {Version} is active ({Source}); {Known} version(s) known")]
    public static partial void FactorSetActive(ILogger logger, string version, string source, int known);

    [LoggerMessage(7001, LogLevel.Information, "Transport factor set {Version} submitted as record {RecordId}, signed by {Issuer}")]
    public static partial void FactorSetSubmitted(ILogger logger, string version, string recordId, EthereumAddress issuer);

    [LoggerMessage(7002, LogLevel.Warning, "Transport factor set {Version} is not anchored: {Reason}")]
    public static partial void FactorSetNotAnchored(ILogger logger, string version, string reason);

    [LoggerMessage(7003, LogLevel.Warning, "Submitting transport factor set {Version} failed ({Error}); retrying in {Delay}")]
    public static partial void FactorSetSubmitRetry(ILogger logger, string version, string error, TimeSpan delay);

    [LoggerMessage(7004, LogLevel.Information, "Registered factor signing key {Key} as a supplier participant (embedded mode)")]
    public static partial void FactorKeyRegistered(ILogger logger, EthereumAddress key);

    [LoggerMessage(7005, LogLevel.Debug, "Factor signing key {Key} standing: {Standing}")]
    public static partial void FactorKeyStanding(ILogger logger, EthereumAddress key, KeyStanding standing);
}
