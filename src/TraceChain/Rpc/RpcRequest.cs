namespace Trace.Chain.Rpc;

/// <summary>One JSON-RPC call: a method and its positional parameters (serialised with System.Text.Json).</summary>
public sealed record RpcRequest(string Method, object?[] Parameters);
