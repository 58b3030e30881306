namespace Trace.Chain.Rpc;

/// <summary>The node did not answer within <see cref="JsonRpcOptions.RequestTimeout"/> (after any retries); transient.</summary>
public sealed class RpcTimeoutException(string method, TimeSpan timeout, Exception? inner = null)
    : RpcTransportException(method, $"no answer from the node within {timeout.TotalSeconds:0.###} s", inner)
{
    /// <summary>The per-request timeout that elapsed.</summary>
    public TimeSpan Timeout { get; } = timeout;
}
