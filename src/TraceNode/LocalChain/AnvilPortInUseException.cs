namespace Trace.Node.LocalChain;

/// <summary>The fixed loopback port the managed Anvil is configured to listen on is taken by another process.</summary>
public sealed class AnvilPortInUseException(int port, string setting, Exception? inner = null)
    : InvalidOperationException($"{setting}: 127.0.0.1:{port} is already in use (another Trace node or Anvil?); stop that process, "
        + $"or set {setting} to a free port (0 picks a free port at each start, so the chain's RPC URL changes)", inner)
{
    /// <summary>The port that was taken.</summary>
    public int Port { get; } = port;
}
