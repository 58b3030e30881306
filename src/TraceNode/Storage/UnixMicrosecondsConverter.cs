using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Trace.Node.Storage;

/// <summary>Stores a <see cref="DateTimeOffset"/> as whole microseconds since 1970-01-01 UTC (sub-microsecond ticks dropped).</summary>
internal sealed class UnixMicrosecondsConverter : ValueConverter<DateTimeOffset, long>
{
    public UnixMicrosecondsConverter()
        : base(v => ToMicroseconds(v), v => FromMicroseconds(v))
    {
    }

    public static long ToMicroseconds(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset FromMicroseconds(long value) => new(DateTimeOffset.UnixEpoch.Ticks + value * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
}
