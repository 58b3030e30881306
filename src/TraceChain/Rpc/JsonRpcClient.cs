using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.JsonRpc.Client;
using Nethereum.JsonRpc.Client.RpcMessages;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Trace.Chain.Rpc;

/// <summary>
/// JSON-RPC 2.0 over HTTP: single and batch calls, a per-request timeout, and retry with
/// exponential backoff on transient faults only (never on reverts or bad parameters).
/// </summary>
/// <remarks>
/// It is a Nethereum <see cref="ClientBase"/>, so Nethereum's typed RPC requests, <c>Web3</c> and contract services run
/// over it with the same retry, timeout and transient-error rules. Trace's own calls (<see cref="CallAsync"/>) keep a
/// path of their own because Nethereum's <c>IClient</c> takes no <see cref="CancellationToken"/>.
/// </remarks>
public sealed class JsonRpcClient : ClientBase, IDisposable
{
    private static readonly JsonSerializerSettings NethereumJson = DefaultJsonSerializerSettingsFactory.BuildDefaultJsonSerializerSettings();

    internal static readonly ActivitySource Activity = new("Trace.Node.Rpc");
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _endpoint;
    private readonly JsonRpcOptions _options;
    private readonly ILogger _logger;
    private long _nextId;

    public JsonRpcClient(Uri endpoint, JsonRpcOptions? options = null, HttpClient? http = null, ILogger<JsonRpcClient>? logger = null)
    {
        _endpoint = endpoint;
        _options = options ?? new JsonRpcOptions();
        _ownsHttp = http is null;
        _http = http ?? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64 });
        _http.Timeout = Timeout.InfiniteTimeSpan; // our own per-attempt timeout applies
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The node's URL.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>Calls <paramref name="method"/> and returns its <c>result</c> member (cloned, safe to keep).</summary>
    public async Task<JsonElement> CallAsync(string method, object?[] parameters, CancellationToken cancellationToken = default)
    {
        var results = await SendWithRetryAsync([new RpcRequest(method, parameters)], cancellationToken).ConfigureAwait(false);
        return results[0].GetResultOrThrow();
    }

    /// <summary>Sends several calls in one HTTP round trip; each result carries its own error, if any.</summary>
    public Task<RpcResult[]> BatchAsync(IReadOnlyList<RpcRequest> requests, CancellationToken cancellationToken = default) =>
        requests.Count == 0 ? Task.FromResult(Array.Empty<RpcResult>()) : SendWithRetryAsync(requests, cancellationToken);

    private Task<RpcResult[]> SendWithRetryAsync(IReadOnlyList<RpcRequest> requests, CancellationToken cancellationToken)
    {
        var method = requests.Count == 1 ? requests[0].Method : $"batch[{requests.Count}]";
        return WithRetryAsync(method, async (attempt, ct) =>
        {
            var results = await SendOnceAsync(requests, method, ct).ConfigureAwait(false);
            // A batch is retried whole only when every member failed transiently (e.g. rate limit).
            if (results.All(r => r.Error is { IsTransient: true }) && attempt < _options.MaxRetries)
                throw results[0].Error!;
            return results;
        }, cancellationToken);
    }

    /// <summary>Nethereum's single-request path (typed RPC requests, contract services): a JSON-RPC error throws <see cref="RpcException"/>.</summary>
    public override Task<RpcResponseMessage> SendAsync(RpcRequestMessage rpcRequestMessage, string? route = null)
    {
        ArgumentNullException.ThrowIfNull(rpcRequestMessage);
        var method = rpcRequestMessage.Method;
        var body = System.Text.Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(rpcRequestMessage, NethereumJson));
        return WithRetryAsync(method, async (_, ct) =>
        {
            var (status, reason, bytes) = await PostAsync(body, method, ct).ConfigureAwait(false);
            var response = ReadNethereum<RpcResponseMessage>(bytes, method, status, reason);
            if (response.HasError) throw ToException(method, response.Error);
            return response;
        }, CancellationToken.None);
    }

    /// <summary>Nethereum's batch path; each response keeps its own error (Nethereum's batch handler reads them).</summary>
    protected override Task<RpcResponseMessage[]> SendAsync(RpcRequestMessage[] requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var method = $"batch[{requests.Length}]";
        var body = System.Text.Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(requests, NethereumJson));
        return WithRetryAsync(method, async (_, ct) =>
        {
            var (status, reason, bytes) = await PostAsync(body, method, ct).ConfigureAwait(false);
            return ReadNethereum<RpcResponseMessage[]>(bytes, method, status, reason);
        }, CancellationToken.None);
    }

    private static RpcException ToException(string method, Nethereum.JsonRpc.Client.RpcMessages.RpcError error)
    {
        var data = error.Data switch
        {
            null => null,
            JValue { Type: JTokenType.Null } => null,
            JValue { Value: string text } => text,
            JToken token => token.ToString(Formatting.None),
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
            JsonElement element => element.GetRawText(),
            var other => other.ToString(),
        };
        return new RpcException(method, error.Code, error.Message ?? "", data, RpcErrorClassifier.IsTransient(error.Code, error.Message ?? ""));
    }

    /// <summary>A Nethereum response body; an HTTP fault without a JSON-RPC error in its body throws.</summary>
    private static T ReadNethereum<T>(byte[] bytes, string method, int status, string? reason) where T : class
    {
        T? parsed = null;
        try
        {
            parsed = JsonConvert.DeserializeObject<T>(System.Text.Encoding.UTF8.GetString(bytes), NethereumJson);
        }
        catch (Newtonsoft.Json.JsonException ex) when (status is >= 200 and < 300)
        {
            throw new RpcTransportException(method, "the node answered with invalid JSON", ex);
        }
        catch (Newtonsoft.Json.JsonException)
        {
        }
        if (status is >= 200 and < 300) return parsed ?? throw new RpcTransportException(method, "the node answered with an empty body");
        // Some providers answer a JSON-RPC error (bad params, range too large) with HTTP 400: keep the node's own error.
        if (parsed is RpcResponseMessage { HasError: true } single) throw ToException(method, single.Error);
        throw new RpcException(method, status, $"HTTP {status} {reason}", null, isTransient: false);
    }

    private async Task<T> WithRetryAsync<T>(string method, Func<int, CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        using var activity = Activity.StartActivity(method, ActivityKind.Client);
        var delay = _options.InitialBackoff;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await send(attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException ex) when (ex.IsTransient && attempt < _options.MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                Log.RetryingRpc(_logger, method, attempt + 1, delay.TotalMilliseconds, ex.RpcMessage);
                var jitter = Random.Shared.NextDouble() * 0.25 + 0.875;
                await Task.Delay(delay * jitter, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxBackoff.Ticks));
            }
        }
    }

    private async Task<RpcResult[]> SendOnceAsync(IReadOnlyList<RpcRequest> requests, string method, CancellationToken cancellationToken)
    {
        var firstId = Interlocked.Add(ref _nextId, requests.Count) - requests.Count + 1;
        var body = RpcPayload.Write(requests, firstId, batch: requests.Count > 1);
        var (status, reason, bytes) = await PostAsync(body, method, cancellationToken).ConfigureAwait(false);
        if (status is >= 200 and < 300) return RpcPayload.Read(bytes, requests, firstId, method);
        // Some providers answer a JSON-RPC error (bad params, range too large) with HTTP 400: keep the node's own error.
        if (RpcPayload.TryReadErrors(bytes, requests, firstId, method) is { } errors) return errors;
        throw new RpcException(method, status, $"HTTP {status} {reason}", null, isTransient: false);
    }

    /// <summary>
    /// One HTTP POST under the per-request timeout. 5xx, 408 and 429 throw a transient <see cref="RpcException"/>;
    /// any other status is returned with its body for the caller to read the node's JSON-RPC error from.
    /// </summary>
    private async Task<(int Status, string? Reason, byte[] Body)> PostAsync(byte[] body, string method, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = JsonContentType;
            using var response = await _http.PostAsync(_endpoint, content, timeout.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
                throw new RpcException(method, status, $"HTTP {status} {response.ReasonPhrase}", null, isTransient: true);
            return (status, response.ReasonPhrase, bytes);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcTimeoutException(method, _options.RequestTimeout, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new RpcTransportException(method, $"cannot reach the node at {_endpoint.GetLeftPart(UriPartial.Authority)}: {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
