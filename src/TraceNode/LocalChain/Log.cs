using Microsoft.Extensions.Logging;

namespace Trace.Node.LocalChain;

/// <summary>Log events of the managed local chain (event ids 1100–1199).</summary>
internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Information, "Started anvil (pid {Pid}) at {RpcUrl}, state {StateFile}")]
    public static partial void AnvilStarted(ILogger logger, int pid, Uri rpcUrl, string stateFile);

    [LoggerMessage(1101, LogLevel.Information, "Stopped anvil (pid {Pid}), exit code {ExitCode}")]
    public static partial void AnvilStopped(ILogger logger, int pid, int exitCode);

    [LoggerMessage(1102, LogLevel.Error, "anvil (pid {Pid}) exited unexpectedly with code {ExitCode}")]
    public static partial void AnvilExitedUnexpectedly(ILogger logger, int pid, int exitCode);

    [LoggerMessage(1103, LogLevel.Warning, "anvil (pid {Pid}) exited unexpectedly with code {ExitCode}; restarting it on the same port from its saved state (attempt {Attempt})")]
    public static partial void AnvilRestarting(ILogger logger, int pid, int exitCode, int attempt);

    [LoggerMessage(1104, LogLevel.Information, "Restarted anvil (pid {Pid}) at {RpcUrl} from {StateFile}; blocks mined since its last state dump are gone and are re-read as a reorg")]
    public static partial void AnvilRestarted(ILogger logger, int pid, Uri rpcUrl, string stateFile);

    [LoggerMessage(1105, LogLevel.Warning, "Restarting anvil failed (attempt {Attempt})")]
    public static partial void AnvilRestartFailed(ILogger logger, Exception exception, int attempt);
}
