namespace Trace.Api.Tests.Support;

/// <summary>Finds the repository root and the built API next to this test assembly's configuration.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>src/TraceApi/bin/&lt;same configuration as the tests&gt;/net10.0/Trace.Api.dll.</summary>
    public static string ApiDll => Built("TraceApi", "Trace.Api.dll");

    /// <summary>src/TraceCli/bin/&lt;same configuration as the tests&gt;/net10.0/trace.dll, the command line.</summary>
    public static string CliDll => Built("TraceCli", "trace.dll");

    private static string Built(string project, string assembly)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
        var path = Path.Combine(Root, "src", project, "bin", configuration, "net10.0", assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"build the solution first: {path} is missing");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Trace.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Trace.sln not found above the test assembly");
    }
}
