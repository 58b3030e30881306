using System.Net;

namespace Trace.Api.Tests.Support;

/// <summary>
/// An HTTP JSON-RPC proxy in front of a real node that misbehaves on purpose, as a flaky provider does: some requests get
/// an HTTP 503, some are delayed, some lose their connection before reaching the node, and some lose it after the node
/// executed them (the nastiest case: a transaction broadcast whose answer never arrives). Seeded, so a failure replays.
/// </summary>
public sealed class FaultyRpcProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Uri _target;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly Task _loop;
    private int _errors, _delays, _dropsBefore, _dropsAfter, _forwarded;

    private FaultyRpcProxy(Uri target, int seed)
    {
        _target = target;
        _random = new Random(seed);
        var port = TraceApiProcess.FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The proxy's address, to give as Chain:RpcUrl.</summary>
    public Uri Url { get; }

    private volatile bool _faulty;

    /// <summary>While false the proxy forwards every request untouched.</summary>
    public bool Faulty { get => _faulty; set => _faulty = value; }

    /// <summary>Share of requests answered 503, delayed 1.5 s, dropped before and dropped after reaching the node.</summary>
    public double ErrorRate { get; init; } = 0.08;
    public double DelayRate { get; init; } = 0.08;
    public double DropBeforeRate { get; init; } = 0.04;
    public double DropAfterRate { get; init; } = 0.04;

    public int Errors => _errors;
    public int Delays => _delays;
    public int DropsBefore => _dropsBefore;
    public int DropsAfter => _dropsAfter;
    public int Forwarded => _forwarded;

    /// <summary>Starts a proxy to <paramref name="target"/>.</summary>
    public static FaultyRpcProxy Start(Uri target, int seed) => new(target, seed);

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            double roll;
            lock (_gate) roll = _random.NextDouble();
            // One roll per request, read as consecutive bands: 503 | drop before | delay | drop after | untouched.
            var fault = !Faulty ? Fault.None
                : roll < ErrorRate ? Fault.Error
                : roll < ErrorRate + DropBeforeRate ? Fault.DropBefore
                : roll < ErrorRate + DropBeforeRate + DelayRate ? Fault.Delay
                : roll < ErrorRate + DropBeforeRate + DelayRate + DropAfterRate ? Fault.DropAfter
                : Fault.None;
            if (fault == Fault.Error)
            {
                Interlocked.Increment(ref _errors);
                context.Response.StatusCode = 503;
                context.Response.Close();
                return;
            }
            if (fault == Fault.DropBefore)
            {
                Interlocked.Increment(ref _dropsBefore);
                context.Response.Abort();
                return;
            }
            if (fault == Fault.Delay)
            {
                Interlocked.Increment(ref _delays);
                await Task.Delay(1500);
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, _target) { Content = new ByteArrayContent(body.ToArray()) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await _upstream.SendAsync(request);
            var answer = await response.Content.ReadAsByteArrayAsync();
            if (fault == Fault.DropAfter)
            {
                Interlocked.Increment(ref _dropsAfter);
                context.Response.Abort(); // the node executed it; the caller never hears
                return;
            }
            Interlocked.Increment(ref _forwarded);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or HttpRequestException or ObjectDisposedException)
        {
            try { context.Response.Abort(); } catch (ObjectDisposedException) { }
        }
    }

    private enum Fault { None, Error, DropBefore, Delay, DropAfter }


    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (ObjectDisposedException) { }
        _upstream.Dispose();
    }
}
