using System.Xml.Linq;

namespace Trace.Architecture.Tests;

/// <summary>A project under src/ as its .csproj declares it: references, packages, and the assembly it builds.</summary>
internal sealed record SourceProject(string Folder, string ProjectFile, string AssemblyName, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> PackageReferences)
{
    /// <summary>Every src/*/*.csproj of the repository.</summary>
    public static IReadOnlyList<SourceProject> All { get; } = Directory.GetDirectories(Path.Combine(RepoRoot.Path, "src"))
        .SelectMany(dir => Directory.GetFiles(dir, "*.csproj"))
        .Select(Load)
        .OrderBy(p => p.Folder, StringComparer.Ordinal)
        .ToList();

    /// <summary>The built assembly in the configuration the tests run in (Release or Debug).</summary>
    public string BuiltAssembly
    {
        get
        {
            var testDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testDir.Name;
            var configuration = testDir.Parent!.Name;
            var dir = Path.Combine(Path.GetDirectoryName(ProjectFile)!, "bin", configuration, framework);
            return Path.Combine(dir, AssemblyName + ".dll");
        }
    }

    private static SourceProject Load(string file)
    {
        var xml = XDocument.Load(file);
        var folder = Path.GetFileName(Path.GetDirectoryName(file))!;
        var assembly = xml.Descendants("AssemblyName").Select(e => e.Value.Trim()).FirstOrDefault() ?? Path.GetFileNameWithoutExtension(file);
        var projects = xml.Descendants("ProjectReference")
            .Select(e => Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, e.Attribute("Include")!.Value.Replace('\\', '/')))))!)
            .ToList();
        var packages = xml.Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value).ToList();
        return new SourceProject(folder, file, assembly, projects, packages);
    }
}
