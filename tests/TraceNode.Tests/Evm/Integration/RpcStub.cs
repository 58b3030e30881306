using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Trace.Node.Tests.Evm.Integration;

/// <summary>
/// A test double for faults a real node rarely shows on demand (5xx, slow answers, refused ranges): an HTTP
/// listener on 127.0.0.1 whose handler sees each JSON-RPC body and chooses the HTTP status, body and delay.
/// </summary>
internal sealed class RpcStub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<JsonElement, int, StubReply> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<JsonElement> _requests = [];
    private Task _loop = Task.CompletedTask;

    public RpcStub(Func<JsonElement, int, StubReply> handler, int? port = null)
    {
        _handler = handler;
        Port = port ?? FreePort();
        Url = new Uri($"http://127.0.0.1:{Port}/");
        _listener.Prefixes.Add(Url.ToString());
    }

    public int Port { get; }
    public Uri Url { get; }

    /// <summary>The JSON bodies received so far, in order.</summary>
    public IReadOnlyList<JsonElement> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public RpcStub Start()
    {
        _listener.Start();
        _loop = Task.Run(LoopAsync);
        return this;
    }

    /// <summary>A loopback port nothing listens on (yet).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>A JSON-RPC success body answering <paramref name="request"/>.</summary>
    public static string Result(JsonElement request, object? result) =>
        JsonSerializer.Serialize(new { jsonrpc = "2.0", id = request.GetProperty("id").GetInt64(), result });

    /// <summary>A JSON-RPC error body answering <paramref name="request"/>.</summary>
    public static string Error(JsonElement request, int code, string message, string? data = null) =>
        JsonSerializer.Serialize(new { jsonrpc = "2.0", id = request.GetProperty("id").GetInt64(), error = new { code, message, data } });

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.InputStream).ConfigureAwait(false);
            var request = body.RootElement.Clone();
            int number;
            lock (_requests)
            {
                _requests.Add(request);
                number = _requests.Count;
            }
            var reply = _handler(request, number);
            if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, _stop.Token).ConfigureAwait(false);
            var bytes = System.Text.Encoding.UTF8.GetBytes(reply.Body);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes, _stop.Token).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // stopping: the client side has given up on this request anyway
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // the client closed the connection (e.g. after its timeout)
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}

/// <summary>What the stub answers: HTTP status, body, and how long it waits first.</summary>
internal sealed record StubReply(int Status, string Body, TimeSpan Delay = default)
{
    public static StubReply Ok(string body) => new(200, body);
}
