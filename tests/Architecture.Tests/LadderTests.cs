using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Trace.Architecture.Tests;

/// <summary>
/// The layer ladder of issue 10, enforced: lower projects never reference higher ones, in the .csproj files and in the
/// built assemblies. Projects that do not exist yet are skipped; a new src project fails until it is given a rung.
/// </summary>
public class LadderTests
{
    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var project in SourceProject.All) data.Add(project.Folder);
        return data;
    }

    [Fact]
    public void The_ladder_projects_that_exist_are_found()
    {
        var folders = SourceProject.All.Select(p => p.Folder).ToList();
        Assert.Contains("TraceCrypto", folders);
        Assert.Contains("TraceClient", folders);
        Assert.Contains("TraceNode", folders);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_src_project_has_a_rung(string folder) =>
        Assert.True(Ladder.Rungs.ContainsKey(folder), $"src/{folder} is not on the ladder: give it a rung in {nameof(Ladder)}.{nameof(Ladder.Rungs)}");

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_references_point_down_the_ladder_directly_and_transitively(string folder)
    {
        var rung = Ladder.Rungs[folder];
        foreach (var (target, path) in ReachableProjects(folder))
        {
            var targetRung = Ladder.Rungs.GetValueOrDefault(target)
                ?? throw new Xunit.Sdk.XunitException($"src/{folder} reaches src/{target}, which is not on the ladder");
            Assert.True(targetRung.Level <= rung.Highest,
                $"src/{folder} (rung {rung.Level}, may use rungs ≤ {rung.Highest}) references src/{target} (rung {targetRung.Level}) via {path}");
        }
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Package_references_respect_the_rung(string folder)
    {
        var rung = Ladder.Rungs[folder];
        foreach (var (project, path) in ReachableProjects(folder).Prepend((folder, folder)))
        {
            foreach (var package in SourceProject.All.Single(p => p.Folder == project).PackageReferences)
            {
                if (rung.AllowedPackages is { } allowed)
                    Assert.True(allowed.Any(a => Ladder.Matches(package, a)), $"src/{folder} may use only {string.Join(", ", allowed)}, but {path} references package {package}");
                if (rung.ForbiddenPackages is { } forbidden)
                    Assert.False(forbidden.Any(f => Ladder.Matches(package, f)), $"src/{folder} must not use {package} (via {path})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void The_built_assembly_references_only_lower_rungs_and_allowed_packages(string folder)
    {
        var project = SourceProject.All.Single(p => p.Folder == folder);
        var rung = Ladder.Rungs[folder];
        Assert.True(File.Exists(project.BuiltAssembly), $"{project.BuiltAssembly} is not built; build the solution first");

        foreach (var reference in ReferencedAssemblies(project.BuiltAssembly))
        {
            if (Ladder.FolderOfAssembly.TryGetValue(reference, out var target))
            {
                var targetRung = Ladder.Rungs[target];
                Assert.True(targetRung.Level <= rung.Highest, $"{project.AssemblyName} (rung {rung.Level}) references {reference} (rung {targetRung.Level})");
            }
            else if (reference.StartsWith("Trace.", StringComparison.Ordinal))
            {
                Assert.Fail($"{project.AssemblyName} references {reference}, an assembly of Trace that is not on the ladder");
            }
            if (rung.AllowedPackages is { } allowed && !IsFramework(reference) && !Ladder.FolderOfAssembly.ContainsKey(reference))
                Assert.True(allowed.Any(a => Ladder.Matches(reference, a)), $"{project.AssemblyName} may use only {string.Join(", ", allowed)}, but references {reference}");
            if (rung.ForbiddenPackages is { } forbidden)
                Assert.False(forbidden.Any(f => Ladder.Matches(reference, f)), $"{project.AssemblyName} must not reference {reference}");
        }
    }

    [Fact]
    public void The_crypto_assembly_references_nothing_of_Trace()
    {
        var crypto = SourceProject.All.Single(p => p.Folder == "TraceCrypto");
        Assert.Empty(crypto.ProjectReferences);
        Assert.DoesNotContain(ReferencedAssemblies(crypto.BuiltAssembly), r => r.StartsWith("Trace", StringComparison.Ordinal) || r == "trace");
    }

    [Fact]
    public void The_client_library_does_not_reach_the_engine_or_storage()
    {
        var client = SourceProject.All.Single(p => p.Folder == "TraceClient");
        Assert.DoesNotContain(ReachableProjects(client.Folder), p => p.Target is "TraceNode" or "TraceApi");
        Assert.DoesNotContain(ReferencedAssemblies(client.BuiltAssembly),
            r => r is "Trace.Node" or "Trace.Api" || Ladder.Matches(r, "Microsoft.EntityFrameworkCore") || Ladder.Matches(r, "Npgsql"));
    }

    [Fact]
    public void The_command_line_references_only_the_client_library()
    {
        var cli = SourceProject.All.Single(p => p.Folder == "TraceCli");
        Assert.Equal(["TraceClient"], cli.ProjectReferences);
        Assert.DoesNotContain(ReachableProjects(cli.Folder), p => p.Target is "TraceNode" or "TraceApi");
        Assert.DoesNotContain(ReferencedAssemblies(cli.BuiltAssembly),
            r => r is "Trace.Node" or "Trace.Api" || Ladder.Matches(r, "Microsoft.EntityFrameworkCore") || Ladder.Matches(r, "Npgsql"));
    }

    // Each project reachable from folder through ProjectReference, with the path that reaches it.
    private static IEnumerable<(string Target, string Path)> ReachableProjects(string folder)
    {
        var seen = new HashSet<string> { folder };
        var queue = new Queue<(string Folder, string Path)>([(folder, folder)]);
        while (queue.Count > 0)
        {
            var (current, path) = queue.Dequeue();
            var project = SourceProject.All.SingleOrDefault(p => p.Folder == current);
            if (project is null) continue;
            foreach (var target in project.ProjectReferences)
            {
                if (!seen.Add(target)) continue;
                var next = $"{path} -> {target}";
                yield return (target, next);
                queue.Enqueue((target, next));
            }
        }
    }

    private static List<string> ReferencedAssemblies(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }

    // An assembly of the shared .NET runtime (System.*, netstandard, ...), which every project may use.
    private static bool IsFramework(string assembly) =>
        File.Exists(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), assembly + ".dll"));
}
