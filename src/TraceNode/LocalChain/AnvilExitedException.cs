namespace Trace.Node.LocalChain;

/// <summary>The managed Anvil process ended when Trace did not ask it to.</summary>
public sealed class AnvilExitedException(int exitCode, string lastOutput)
    : Exception($"anvil exited unexpectedly with code {exitCode}. Last output: {lastOutput}")
{
    /// <summary>The process exit code (128+N for signal N).</summary>
    public int ExitCode { get; } = exitCode;
}
