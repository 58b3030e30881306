using System.Text.Json;

namespace Trace.Node.Tests.Support;

/// <summary>Finds the shared reference vectors by walking up from the test binaries to the directory holding shared/vectors.</summary>
public static class VectorFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Absolute path of a file under shared/vectors (e.g. "rlp.json" or "ethereum-tests/RLPTests/rlptest.json").</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root.Value, relative);

    /// <summary>Parses a vector file as JSON.</summary>
    public static JsonDocument Load(string relative) => JsonDocument.Parse(File.ReadAllText(Path(relative)));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "vectors");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"no shared/vectors directory above {AppContext.BaseDirectory}");
    }
}
