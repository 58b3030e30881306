namespace Trace.Api.Grpc;

/// <summary>
/// Lets one log line through per interval and counts the ones it holds back, so a client that sends the same fault
/// in a loop costs the log one line per interval instead of one per request.
/// </summary>
public sealed class LogRateLimit(TimeSpan interval, TimeProvider clock)
{
    private long _nextAllowedTicks;
    private long _suppressed;

    /// <summary>True when a line may be written now; <paramref name="suppressed"/> is how many were held back since the last one.</summary>
    public bool TryAcquire(out long suppressed)
    {
        var now = clock.GetTimestamp();
        var next = Interlocked.Read(ref _nextAllowedTicks);
        if (now >= next && Interlocked.CompareExchange(ref _nextAllowedTicks, now + (long)(interval.TotalSeconds * clock.TimestampFrequency), next) == next)
        {
            suppressed = Interlocked.Exchange(ref _suppressed, 0);
            return true;
        }
        Interlocked.Increment(ref _suppressed);
        suppressed = 0;
        return false;
    }
}
