namespace Trace.Node.Hosting;

/// <summary>Exit codes of Trace.Api (docs/operations.md lists them; scripts and supervisors may rely on them).</summary>
public static class StartupExitCodes
{
    /// <summary>Stopped on request (SIGINT, SIGTERM) after a clean shutdown.</summary>
    public const int Stopped = 0;

    /// <summary>An unexpected fault; the log holds the exception.</summary>
    public const int Fault = 1;

    /// <summary>A setting is invalid or contradicts what it points at (e.g. Chain:ChainId differs from the chain's).</summary>
    public const int Configuration = 2;

    /// <summary>The chain cannot be reached (Chain:RpcUrl) or the embedded chain cannot start.</summary>
    public const int ChainUnavailable = 3;
}
