using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Trace.Node.Evm.Rpc;

/// <summary>
/// JSON-RPC 2.0 over HTTP: single and batch calls, a per-request timeout, and retry with
/// exponential backoff on transient faults only (never on reverts or bad parameters).
/// </summary>
public sealed class JsonRpcClient : IDisposable
{
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

    private async Task<RpcResult[]> SendWithRetryAsync(IReadOnlyList<RpcRequest> requests, CancellationToken cancellationToken)
    {
        var method = requests.Count == 1 ? requests[0].Method : $"batch[{requests.Count}]";
        using var activity = Activity.StartActivity(method, ActivityKind.Client);
        var delay = _options.InitialBackoff;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var results = await SendOnceAsync(requests, method, cancellationToken).ConfigureAwait(false);
                // A batch is retried whole only when every member failed transiently (e.g. rate limit).
                if (results.All(r => r.Error is { IsTransient: true }) && attempt < _options.MaxRetries)
                    throw results[0].Error!;
                return results;
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
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = JsonContentType;
            using var response = await _http.PostAsync(_endpoint, content, timeout.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return RpcPayload.Read(bytes, requests, firstId, method);

            var status = (int)response.StatusCode;
            var transient = status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
            // Some providers answer a JSON-RPC error (bad params, range too large) with HTTP 400: keep the node's own error.
            if (!transient && RpcPayload.TryReadErrors(bytes, requests, firstId, method) is { } errors) return errors;
            throw new RpcException(method, status, $"HTTP {status} {response.ReasonPhrase}", null, transient);
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
