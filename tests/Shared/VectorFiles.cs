using System.Text.Json;

namespace Trace.Tests.Support;

/// <summary>
/// Finds the reference vectors: the copy committed under tests/vectors (so a clean clone is self-contained),
/// else a shared/vectors directory above the checkout. One file, linked into every test project that reads vectors.
/// </summary>
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
            var committed = System.IO.Path.Combine(dir.FullName, "tests", "vectors");
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Trace.sln")) && Directory.Exists(committed)) return committed;
            var shared = System.IO.Path.Combine(dir.FullName, "shared", "vectors");
            if (Directory.Exists(shared)) return shared;
        }
        throw new DirectoryNotFoundException($"no tests/vectors or shared/vectors directory above {AppContext.BaseDirectory}");
    }
}
