namespace Trace.Architecture.Tests;

/// <summary>The repository root (the folder holding Trace.sln), found from the test assembly.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Trace.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Trace.sln not found above the test assembly");
    }
}
