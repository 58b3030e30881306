using Trace.Api.Tests.Support;

namespace Trace.Api.Tests.Provenance;

/// <summary>
/// A fact that needs headless Chromium (Debian's <c>chromium</c>, or <c>TRACE_CHROMIUM</c>), Node.js and
/// tests/browser's playwright-core; skipped, saying which is missing, when one is. scripts/test.sh installs all three.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.MissingReason is { } reason) Skip = reason;
    }
}

/// <summary>Where the browser test's tools are.</summary>
public static class Browser
{
    /// <summary>The Chromium executable: TRACE_CHROMIUM, else the first of chromium / chromium-browser on PATH.</summary>
    public static string? Chromium { get; } = Environment.GetEnvironmentVariable("TRACE_CHROMIUM") is { Length: > 0 } configured
        ? configured : OnPath("chromium") ?? OnPath("chromium-browser");

    /// <summary>Node.js on PATH.</summary>
    public static string? Node { get; } = OnPath("node");

    /// <summary>tests/browser, where the driver script and its playwright-core live.</summary>
    public static string Directory { get; } = Path.Combine(RepoPaths.Root, "tests", "browser");

    /// <summary>Why the browser tests cannot run here; null when they can.</summary>
    public static string? MissingReason =>
        Chromium is null ? "headless Chromium is not installed (apt-get install chromium, or set TRACE_CHROMIUM); scripts/test.sh installs it"
        : Node is null ? "Node.js (node) is not on PATH"
        : !System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "playwright-core"))
            ? "playwright-core is not installed in tests/browser (npm --prefix tests/browser ci); scripts/test.sh installs it"
        : null;

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
