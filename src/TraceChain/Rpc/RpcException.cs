using Nethereum.JsonRpc.Client;

namespace Trace.Chain.Rpc;

/// <summary>A JSON-RPC call failed: the node answered with an error object, or the transport failed.</summary>
/// <remarks>
/// A Nethereum <see cref="RpcResponseException"/>, so Nethereum's contract services read the revert data of an error
/// raised by <see cref="JsonRpcClient"/> as they read their own.
/// </remarks>
public class RpcException : RpcResponseException
{
    public RpcException(string method, long code, string message, string? data, bool isTransient, Exception? inner = null)
        : base(new RpcError((int)Math.Clamp(code, int.MinValue, int.MaxValue), message, data))
    {
        _message = $"{method}: {message} (code {code})";
        _inner = inner;
        Method = method;
        Code = code;
        RpcMessage = message;
        Data = data;
        IsTransient = isTransient;
    }

    /// <summary>The JSON-RPC method that failed.</summary>
    public string Method { get; }

    /// <summary>The JSON-RPC error code (negative per the spec), the HTTP status for an HTTP fault, or 0 for a transport fault.</summary>
    public long Code { get; }

    /// <summary>The node's error message, without the method prefix.</summary>
    public string RpcMessage { get; }

    /// <summary>The raw <c>data</c> member of the error (e.g. revert bytes as 0x hex), when present.</summary>
    public new string? Data { get; }

    private readonly string _message;
    private readonly Exception? _inner;

    public override string Message => _message;

    /// <summary>The underlying transport fault (socket error, timeout), when there is one.</summary>
    public Exception? Cause => _inner;

    /// <summary>True for faults worth retrying (connection refused, 5xx, timeouts, rate limits); false for deterministic errors.</summary>
    public bool IsTransient { get; }
}
