using System.Reflection;
using Trace.Domain;
using Trace.Node.Storage;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Architecture;

/// <summary>Storage entities stay inside Storage: the store speaks domain types, the API never names an entity, and the domain references nothing of Trace.</summary>
public sealed class ReadModelBoundaryTests
{
    private static readonly Type[] Entities = [.. typeof(TraceStore).Assembly.GetTypes().Where(t => t.Namespace == "Trace.Node.Storage.Entities" && t.IsPublic)];

    [Fact]
    public void Store_methods_take_and_return_no_storage_entity()
    {
        Assert.NotEmpty(Entities);
        var leaks = typeof(TraceStore).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType).SelectMany(Unwrap).Select(t => (Method: m.Name, Type: t)))
            .Where(x => Entities.Contains(x.Type))
            .Select(x => $"{x.Method} uses {x.Type.Name}")
            .Distinct()
            .ToList();

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public void Api_source_never_names_a_storage_entity()
    {
        var names = Entities.Select(e => e.Name).Append("Storage.Entities").ToList();
        var apiSources = Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "src", "TraceApi"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(apiSources);

        var named = apiSources.SelectMany(f => names.Where(n => File.ReadAllText(f).Contains(n, StringComparison.Ordinal)).Select(n => $"{Path.GetFileName(f)} names {n}")).ToList();

        Assert.True(named.Count == 0, string.Join("\n", named));
    }

    [Fact]
    public void Domain_assembly_references_only_the_runtime()
    {
        var references = typeof(EvidenceRecord).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("System.Runtime", references);
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", $"Trace.Domain references {name}"));
    }

    // Task<IReadOnlyList<X>?> → X (and the wrappers themselves).
    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        if (Nullable.GetUnderlyingType(type) is { } underlying) type = underlying;
        if (type.HasElementType) foreach (var t in Unwrap(type.GetElementType()!)) yield return t;
        if (type.IsGenericType)
            foreach (var argument in type.GetGenericArguments())
                foreach (var t in Unwrap(argument)) yield return t;
    }
}
