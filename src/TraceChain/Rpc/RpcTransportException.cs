namespace Trace.Chain.Rpc;

/// <summary>The RPC endpoint could not be reached or answered with an unusable response; always transient.</summary>
public class RpcTransportException(string method, string message, Exception? inner = null)
    : RpcException(method, 0, message, null, isTransient: true, inner);
