using System.Globalization;

namespace Trace.Api.Hosting;

/// <summary>The process's soft limit on open file descriptors (RLIMIT_NOFILE), read from /proc on Linux.</summary>
internal static class DescriptorLimit
{
    /// <summary>The soft limit, or null where it cannot be read (not Linux, or "unlimited").</summary>
    public static long? Current()
    {
        const string path = "/proc/self/limits";
        if (!File.Exists(path)) return null;
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith("Max open files", StringComparison.Ordinal)) continue;
            var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 0 && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var soft) ? soft : null;
        }
        return null;
    }
}
