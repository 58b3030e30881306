namespace Trace.Tests.Support;

/// <summary>
/// Locates the workplace's read-only shared/ directory (standards example data that may not be committed here):
/// TRACE_SHARED_DIR when set, else a "shared" directory beside any directory above the test assembly.
/// </summary>
public static class SharedStandards
{
    /// <summary>The environment variable naming the shared/ directory (scripts/test.sh sets it when it finds one).</summary>
    public const string EnvironmentVariable = "TRACE_SHARED_DIR";

    /// <summary>shared/standards/{folder} when it holds <paramref name="markerFile"/>, else null.</summary>
    public static string? Find(string folder, string markerFile)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            var candidate = Path.Combine(configured, "standards", folder);
            if (File.Exists(Path.Combine(candidate, markerFile))) return candidate;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "standards", folder);
            if (File.Exists(Path.Combine(candidate, markerFile))) return candidate;
        }
        return null;
    }
}
