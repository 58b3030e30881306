using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Trace.Api.Hosting;

namespace Trace.Api.Grpc;

/// <summary>
/// Refuses a gRPC call with <c>RESOURCE_EXHAUSTED</c> before it starts when its kind is at its bound
/// (<see cref="CallLimitsOptions"/>): uploads globally and per caller, watchers globally, and response-streaming or
/// listing calls per connection and per caller.
/// </summary>
/// <remarks>
/// A middleware rather than an interceptor because a unary answer (a ListRecords page) is written after the
/// interceptor has returned; a reader that stops reading holds it here, so the place is kept until the answer is out.
/// </remarks>
public sealed partial class CallLimitsMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<CallLimitsMiddleware> _logger;
    private readonly ConcurrencyGate _uploads;
    private readonly ConcurrencyGate _watchers;
    private readonly ConcurrencyGate _readsPerConnection;
    private readonly ConcurrencyGate _readsPerCaller;
    private readonly LogRateLimit _refusalLog;

    public CallLimitsMiddleware(RequestDelegate next, IOptions<CallLimitsOptions> options, ILogger<CallLimitsMiddleware> logger, TimeProvider clock)
    {
        _next = next;
        _logger = logger;
        _refusalLog = new LogRateLimit(TimeSpan.FromSeconds(1), clock); // a client hammering a full node costs one line a second
        var limits = options.Value;
        var maxUploads = limits.MaxUploads;
        // Each upload past the small-blob size holds its temp file open: a quarter of the spare descriptors.
        if (DescriptorLimit.Spare() is { } spare) maxUploads = (int)Math.Clamp(spare / 4, 1, maxUploads);
        _uploads = new ConcurrencyGate(maxUploads, limits.MaxUploadsPerCaller);
        _watchers = new ConcurrencyGate(limits.MaxWatchers, limits.MaxWatchers);
        _readsPerConnection = new ConcurrencyGate(int.MaxValue, limits.MaxReadStreamsPerConnection);
        _readsPerCaller = new ConcurrencyGate(int.MaxValue, limits.MaxReadStreamsPerCaller);
        LogLimits(logger, maxUploads, limits.MaxUploadsPerCaller, limits.MaxWatchers, limits.MaxReadStreamsPerConnection, limits.MaxReadStreamsPerCaller);
        LogDescriptors(logger, DescriptorLimit.Current(), DescriptorLimit.OpenNow(), DescriptorLimit.Spare());
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null)
        {
            await _next(context);
            return;
        }
        var caller = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        switch (KindOf(method))
        {
            case CallKind.Upload:
                if (!_uploads.TryEnter(caller))
                {
                    Refuse(context, method, caller, $"too many uploads open (at most {_uploads.MaxTotal} on this node, {_uploads.MaxPerKey} per caller); retry later");
                    return;
                }
                try { await _next(context); }
                finally { _uploads.Exit(caller); }
                return;
            case CallKind.Watch:
                if (!_watchers.TryEnter("")) // one bound for all callers
                {
                    Refuse(context, method, caller, $"too many status watchers open (at most {_watchers.MaxTotal} on this node); retry later");
                    return;
                }
                try { await _next(context); }
                finally { _watchers.Exit(""); }
                return;
            case CallKind.Read:
                var connection = context.Connection.Id;
                if (!_readsPerConnection.TryEnter(connection))
                {
                    Refuse(context, method, caller, $"too many streaming or listing calls open on this connection (at most {_readsPerConnection.MaxPerKey}); finish reading one first");
                    return;
                }
                try
                {
                    if (!_readsPerCaller.TryEnter(caller))
                    {
                        Refuse(context, method, caller, $"too many streaming or listing calls open from this caller (at most {_readsPerCaller.MaxPerKey}); finish reading one first");
                        return;
                    }
                    try { await _next(context); }
                    finally { _readsPerCaller.Exit(caller); }
                }
                finally { _readsPerConnection.Exit(connection); }
                return;
            default:
                await _next(context);
                return;
        }
    }

    private static CallKind KindOf(IMethod method) => method switch
    {
        { Name: "WatchRecordStatus" } => CallKind.Watch,
        { Type: MethodType.ClientStreaming } => CallKind.Upload,
        { Type: MethodType.DuplexStreaming, Name: "SubmitRecords" } => CallKind.Upload,
        { Type: MethodType.ServerStreaming or MethodType.DuplexStreaming } => CallKind.Read,
        { Name: "ListRecords" } => CallKind.Read, // unary, but its answer is up to 500 records
        _ => CallKind.Other,
    };

    // A trailers-only response: the status travels in the headers, as grpc-dotnet and grpc-go send an early refusal.
    private void Refuse(HttpContext context, IMethod method, string caller, string message)
    {
        if (_refusalLog.TryAcquire(out var suppressed)) LogRefused(_logger, method.FullName, caller, suppressed);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)StatusCode.ResourceExhausted).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }

    private enum CallKind { Other, Upload, Watch, Read }

    [LoggerMessage(5100, LogLevel.Information, "Call limits: uploads {Uploads} (per caller {UploadsPerCaller}), watchers {Watchers}, read streams per connection {PerConnection}, per caller {PerCaller}")]
    private static partial void LogLimits(ILogger logger, int uploads, int uploadsPerCaller, int watchers, int perConnection, int perCaller);

    [LoggerMessage(5102, LogLevel.Information, "File descriptors: limit {Limit}, open now {Open}, spare for connections and uploads {Spare}")]
    private static partial void LogDescriptors(ILogger logger, long? limit, int? open, long? spare);

    [LoggerMessage(5101, LogLevel.Warning, "Refused {Method} from {Caller}: limit reached ({Suppressed} similar lines held back)")]
    private static partial void LogRefused(ILogger logger, string method, string caller, long suppressed);
}
