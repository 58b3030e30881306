namespace Trace.Api.Tests.Support;

/// <summary>Looks for live anvil processes through /proc, by their command line.</summary>
public static class ProcessProbe
{
    /// <summary>Pids of running anvil processes whose command line mentions <paramref name="marker"/>.</summary>
    public static IReadOnlyList<int> AnvilProcessesMentioning(string marker)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                var state = File.ReadAllLines(Path.Combine(dir, "status")).FirstOrDefault(l => l.StartsWith("State:")) ?? "";
                if (cmdline.Contains("anvil") && cmdline.Contains(marker) && !state.Contains("zombie")) found.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    /// <summary>Waits until no anvil mentions <paramref name="marker"/>; returns the survivors, if any.</summary>
    public static async Task<IReadOnlyList<int>> WaitForNoAnvilAsync(string marker, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<int> left;
        while ((left = AnvilProcessesMentioning(marker)).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        return left;
    }
}
