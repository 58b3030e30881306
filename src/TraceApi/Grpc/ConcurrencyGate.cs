using System.Collections.Concurrent;

namespace Trace.Api.Grpc;

/// <summary>
/// Counts calls open at once, in total and per key (caller or connection), and refuses one that would pass either
/// bound. Entering and leaving are lock-free; a key's counter is dropped when it returns to zero.
/// </summary>
public sealed class ConcurrencyGate(int maxTotal, int maxPerKey)
{
    private readonly ConcurrentDictionary<string, int> _perKey = new(StringComparer.Ordinal);
    private int _total;

    /// <summary>The bound on all calls together.</summary>
    public int MaxTotal { get; } = maxTotal;

    /// <summary>The bound on calls of one key.</summary>
    public int MaxPerKey { get; } = maxPerKey;

    /// <summary>Calls currently inside.</summary>
    public int Count => Volatile.Read(ref _total);

    /// <summary>Takes a place for <paramref name="key"/>; false (and nothing taken) when a bound is reached.</summary>
    public bool TryEnter(string key)
    {
        if (Interlocked.Increment(ref _total) > MaxTotal)
        {
            Interlocked.Decrement(ref _total);
            return false;
        }
        var count = _perKey.AddOrUpdate(key, 1, static (_, n) => n + 1);
        if (count <= MaxPerKey) return true;
        Exit(key);
        return false;
    }

    /// <summary>Gives back a place taken by <see cref="TryEnter"/>.</summary>
    public void Exit(string key)
    {
        var count = _perKey.AddOrUpdate(key, 0, static (_, n) => n - 1);
        // Remove only if still zero, so a concurrent TryEnter that just raised it keeps its count.
        if (count == 0) _perKey.TryRemove(new KeyValuePair<string, int>(key, 0));
        Interlocked.Decrement(ref _total);
    }
}
