using System.Globalization;

namespace Trace.Api.Hosting;

/// <summary>
/// The process's file descriptors (RLIMIT_NOFILE, read from /proc on Linux): the soft limit, those open when the node
/// started, and the spare ones that connections and spooled uploads may take.
/// </summary>
/// <remarks>
/// A .NET process holds a descriptor (often two) for every assembly it has loaded, a few hundred for this node, and
/// loads more as calls first reach code; pooled database connections and the chain client's sockets also come later.
/// So the spare count is the limit less what is open at start and less a reserve of as many again, measured once:
/// a node under a low limit then refuses work with RESOURCE_EXHAUSTED instead of failing to open an assembly.
/// </remarks>
internal static class DescriptorLimit
{
    private static readonly Lazy<long?> SpareAtStart = new(() => Current() is { } limit && OpenNow() is { } open ? Math.Max(0, limit - 2 * open) : null);

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

    /// <summary>Descriptors the process has open now, or null where /proc/self/fd cannot be read.</summary>
    public static int? OpenNow()
    {
        const string path = "/proc/self/fd";
        try { return Directory.Exists(path) ? Directory.EnumerateFileSystemEntries(path).Count() : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>
    /// Descriptors left for connections and uploads: the limit less twice those open when first asked (at start), or
    /// null where either cannot be read.
    /// </summary>
    public static long? Spare() => SpareAtStart.Value;
}
