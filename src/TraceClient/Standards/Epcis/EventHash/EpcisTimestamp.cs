using System.Globalization;
using System.Text.RegularExpressions;

namespace Trace.Client.Standards.Epcis.EventHash;

/// <summary>A timestamp as the GS1 event hash writes it: UTC, millisecond precision, "Z" (CBV 2.0 §8.9).</summary>
public static partial class EpcisTimestamp
{
    /// <summary>
    /// <paramref name="text"/> converted to UTC and written <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>: missing milliseconds are
    /// zero-filled, a fourth decimal of 5-9 rounds the third up (".1415" → ".142"), further decimals are ignored. A value
    /// without an offset is read as UTC. Text that is not an xsd:dateTime is returned trimmed and unchanged, as the
    /// reference implementation does.
    /// </summary>
    public static string Normalise(string text)
    {
        var trimmed = text.Trim();
        var match = DateTimePattern().Match(trimmed);
        if (!match.Success) return trimmed;
        if (!DateTime.TryParseExact(match.Groups["base"].Value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local)) return trimmed;
        var offset = TimeSpan.Zero;
        var zone = match.Groups["zone"].Value;
        if (zone.Length > 1)
        {
            var hours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var minutes = int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture);
            if (hours > 14 || minutes > 59) return trimmed;
            offset = new TimeSpan(hours, minutes, 0);
            if (zone[0] == '-') offset = -offset;
        }
        var fraction = match.Groups["fraction"].Value.PadRight(4, '0');
        var milliseconds = int.Parse(fraction.AsSpan(0, 3), CultureInfo.InvariantCulture);
        // CBV 2.0: "the 3rd decimal place SHALL be rounded up if the 4th decimal place is a digit in the range 5-9".
        if (fraction[3] >= '5') milliseconds++;
        try
        {
            var utc = new DateTimeOffset(local, offset).UtcDateTime.AddMilliseconds(milliseconds);
            return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }
        catch (ArgumentOutOfRangeException)
        {
            return trimmed; // before year 1 or after 9999 in UTC: not representable, kept as written
        }
    }

    [GeneratedRegex(@"^(?<base>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.(?<fraction>\d+))?(?<zone>Z|z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
