namespace Trace.Node.LocalChain;

/// <summary>How the managed local Anvil chain is started.</summary>
public sealed class AnvilOptions
{
    /// <summary>Path of the anvil binary. Default: found under contracts/node_modules, then on PATH.</summary>
    public string? BinaryPath { get; set; }

    /// <summary>Loopback port; 0 (default) lets the OS pick a free one.</summary>
    public int Port { get; set; }

    /// <summary>The setting that gives <see cref="Port"/>, named in the error when the port is taken.</summary>
    public string PortSetting { get; set; } = "Anvil:Port";

    /// <summary>EIP-155 chain id. Default 31337 (Anvil's).</summary>
    public ulong ChainId { get; set; } = 31337;

    /// <summary>File the chain state is loaded from and dumped to; null (default) keeps the chain in memory only.</summary>
    public string? StateFile { get; set; }

    /// <summary>Seconds between periodic state dumps, so a crash loses at most this much. Default 5; used only with <see cref="StateFile"/>.</summary>
    public int StateIntervalSeconds { get; set; } = 5;

    /// <summary>Mine a block every this many seconds in addition to one per transaction; null (default) mines only on transactions.</summary>
    public int? BlockTimeSeconds { get; set; }

    /// <summary>
    /// Restart anvil on the same port from its state file when it ends without being stopped (killed, crashed), instead of
    /// leaving the node without a chain. Default false; the node's embedded chain turns it on.
    /// </summary>
    public bool RestartAfterUnexpectedExit { get; set; }

    /// <summary>Restarts tried in a row before giving up (then <c>UnexpectedExit</c> completes). Default 5.</summary>
    public int MaxRestartAttempts { get; set; } = 5;

    /// <summary>How long to wait for eth_chainId to answer after start. Default 30 s.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
