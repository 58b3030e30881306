using System.Buffers;
using System.Text.Json;

namespace Trace.Chain.Rpc;

/// <summary>Writes JSON-RPC request bodies and matches response bodies back to their requests by id.</summary>
internal static class RpcPayload
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    public static byte[] Write(IReadOnlyList<RpcRequest> requests, long firstId, bool batch)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (batch) writer.WriteStartArray();
            for (var i = 0; i < requests.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("jsonrpc", "2.0");
                writer.WriteNumber("id", firstId + i);
                writer.WriteString("method", requests[i].Method);
                writer.WritePropertyName("params");
                JsonSerializer.Serialize(writer, requests[i].Parameters, SerializerOptions);
                writer.WriteEndObject();
            }
            if (batch) writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static RpcResult[] Read(byte[] body, IReadOnlyList<RpcRequest> requests, long firstId, string method)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new RpcTransportException(method, "the node answered with invalid JSON", ex);
        }
        using (document)
        {
            var results = new RpcResult?[requests.Count];
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in root.EnumerateArray()) Place(item, results, requests, firstId);
            }
            else if (root.ValueKind == JsonValueKind.Object)
            {
                // An error object without an id answers the whole request (a refused batch, a parse error).
                var hasId = root.TryGetProperty("id", out var id) && id.ValueKind != JsonValueKind.Null;
                if (!hasId && root.TryGetProperty("error", out var wholeError) && wholeError.ValueKind == JsonValueKind.Object)
                {
                    var error = ToException(method, wholeError);
                    return requests.Select(r => new RpcResult(r.Method, default, error)).ToArray();
                }
                Place(root, results, requests, firstId);
            }
            for (var i = 0; i < results.Length; i++)
                results[i] ??= new RpcResult(requests[i].Method, default, new RpcTransportException(requests[i].Method, "the node's answer lacks this request's id"));
            return results!;
        }
    }

    /// <summary>The answer of a non-2xx response when it is a JSON-RPC error body; null when it is anything else.</summary>
    public static RpcResult[]? TryReadErrors(byte[] body, IReadOnlyList<RpcRequest> requests, long firstId, string method)
    {
        if (body.Length == 0 || body[0] is not ((byte)'{' or (byte)'[')) return null;
        try
        {
            var results = Read(body, requests, firstId, method);
            return results.Any(r => r.Error is { } e && e is not RpcTransportException) ? results : null;
        }
        catch (RpcTransportException)
        {
            return null;
        }
    }

    private static void Place(JsonElement item, RpcResult?[] results, IReadOnlyList<RpcRequest> requests, long firstId)
    {
        if (!item.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var id)) return;
        var index = id - firstId;
        if (index < 0 || index >= results.Length) return;
        var request = requests[(int)index];
        if (item.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            results[index] = new RpcResult(request.Method, default, ToException(request.Method, error));
        else if (item.TryGetProperty("result", out var result))
            results[index] = new RpcResult(request.Method, result.Clone(), null);
        else
            results[index] = new RpcResult(request.Method, default, new RpcTransportException(request.Method, "the node's answer has neither result nor error"));
    }

    private static RpcException ToException(string method, JsonElement error)
    {
        var code = error.TryGetProperty("code", out var c) && c.TryGetInt64(out var parsed) ? parsed : 0;
        var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
        string? data = null;
        if (error.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null)
            data = d.ValueKind == JsonValueKind.String ? d.GetString() : d.GetRawText();
        return new RpcException(method, code, message, data, RpcErrorClassifier.IsTransient(code, message));
    }
}
