namespace Trace.Node.Storage;

/// <summary>Normalises times before they are stored, so both providers hold and compare exactly the same value.</summary>
public static class StorageTime
{
    /// <summary>UTC, truncated to whole microseconds (PostgreSQL's timestamptz precision; SQLite stores the same).</summary>
    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    }
}
