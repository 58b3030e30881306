namespace Trace.Node.Limits;

/// <summary>A token bucket: <c>capacity</c> tokens, refilled at <c>ratePerSecond</c>; taking never waits.</summary>
internal sealed class TokenBucket(double ratePerSecond, double size, long startTimestamp)
{
    private readonly object _lock = new();
    private readonly double _capacity = size;
    private double _tokens = size;
    private long _last = startTimestamp;

    /// <summary>Takes one token if there is one at <paramref name="timestamp"/> (a <see cref="TimeProvider"/> timestamp).</summary>
    public bool TryTake(long timestamp, long timestampFrequency)
    {
        lock (_lock)
        {
            if (timestamp > _last)
            {
                _tokens = Math.Min(_capacity, _tokens + (timestamp - _last) * ratePerSecond / timestampFrequency);
                _last = timestamp;
            }
            if (_tokens < 1) return false;
            _tokens -= 1;
            return true;
        }
    }
}
