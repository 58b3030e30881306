namespace Trace.Api.Grpc;

/// <summary>
/// One short line per malformed request (a client fault: no stack trace), at most one per second; the lines held back
/// are counted in the next one, so a flood of bad messages cannot fill the disk with log.
/// </summary>
public sealed partial class MalformedRequestLog(ILogger<MalformedRequestLog> logger, TimeProvider clock)
{
    private readonly LogRateLimit _rate = new(TimeSpan.FromSeconds(1), clock);

    /// <summary>Notes that <paramref name="context"/>'s request could not be decoded, for <paramref name="reason"/>.</summary>
    public void Malformed(HttpContext context, string reason) =>
        Malformed(context.Request.Path.Value ?? "", context.Connection.RemoteIpAddress?.ToString() ?? "unknown", reason);

    /// <summary>Notes that a request to <paramref name="method"/> from <paramref name="caller"/> could not be decoded.</summary>
    public void Malformed(string method, string caller, string reason)
    {
        if (!_rate.TryAcquire(out var suppressed)) return;
        // The reason is the exception's own message, cut short: enough to tell a bad tag from bad gzip.
        LogMalformed(logger, method, caller, reason.Length > 200 ? reason[..200] : reason, suppressed);
    }

    [LoggerMessage(5200, LogLevel.Warning, "Malformed request to {Method} from {Caller}: {Reason} ({Suppressed} similar lines held back)")]
    private static partial void LogMalformed(ILogger logger, string method, string caller, string reason, long suppressed);
}
