using Trace.Node.Storage;

namespace Trace.Node.Tests.Architecture;

/// <summary>The engine's namespaces form a ladder: no namespace of Trace.Node uses one that, directly or not, uses it back.</summary>
public sealed class NamespaceCycleTests
{
    [Fact]
    public void Engine_namespaces_have_no_cycle()
    {
        var graph = NamespaceGraph.Of(typeof(TraceStore).Assembly.GetTypes(), EngineArea);

        Assert.Contains("Trace.Node.Evidence", graph.Edges.Keys); // the graph was really built
        Assert.True(graph.Edges.Values.Sum(e => e.Count) > 20, "too few edges: the reader found almost no references");
        var cycles = graph.Cycles();
        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Reader_sees_a_loop_made_only_in_method_bodies()
    {
        // Loop.Left names Loop.Right only in a method body, Right names Left in a field: both edges must be seen.
        var graph = NamespaceGraph.Of(typeof(Loop.Left.Caller).Assembly.GetTypes(),
            ns => ns is not null && ns.StartsWith(typeof(Loop.Left.Caller).Namespace![..^".Left".Length], StringComparison.Ordinal) ? ns : null);

        var cycle = Assert.Single(graph.Cycles());
        Assert.Contains("Loop.Left ⇄ Trace.Node.Tests.Architecture.Loop.Right", cycle);
    }

    [Fact]
    public void The_loops_of_issue_10_stay_broken()
    {
        var graph = NamespaceGraph.Of(typeof(TraceStore).Assembly.GetTypes(), EngineArea);

        Assert.Contains("Trace.Node.Evidence", graph.Edges["Trace.Node.Verification"].Keys); // verification reads evidence claims
        Assert.DoesNotContain("Trace.Node.Verification", graph.Edges["Trace.Node.Evidence"].Keys);
        Assert.Contains("Trace.Node.Chain", graph.Edges["Trace.Node.Hosting"].Keys);
        Assert.DoesNotContain("Trace.Node.Hosting", graph.Edges["Trace.Node.Chain"].Keys);
    }

    // One node per namespace of the engine; Storage.Entities, Storage.Configurations and the migrations are Storage's
    // private rooms (EF Core's model), so they count as Storage.
    private static string? EngineArea(string? ns) =>
        ns is null || !ns.StartsWith("Trace.Node", StringComparison.Ordinal) ? null
        : ns.StartsWith("Trace.Node.Storage", StringComparison.Ordinal) ? "Trace.Node.Storage"
        : ns;
}
