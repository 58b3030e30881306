using System.Text.Json;

namespace Trace.Chain.Rpc;

/// <summary>The answer to one call of a batch: a result or an error.</summary>
public sealed record RpcResult(string Method, JsonElement Result, RpcException? Error)
{
    /// <summary>The result, or the error thrown.</summary>
    public JsonElement GetResultOrThrow() => Error is null ? Result : throw Error;
}
