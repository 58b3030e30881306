namespace Trace.Node.Decisions.Routing;

/// <summary>The priced lanes as an adjacency list over location indexes, built once per query.</summary>
internal sealed class LaneGraph
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<List<int>> _out = [];

    private LaneGraph(IReadOnlyList<RouteEdge> edges)
    {
        Edges = edges;
        Target = new int[edges.Count];
        for (var e = 0; e < edges.Count; e++)
        {
            var from = Index(edges[e].Lane.Origin);
            Target[e] = Index(edges[e].Lane.Destination);
            _out[from].Add(e);
        }
    }

    /// <summary>The edges, by position.</summary>
    public IReadOnlyList<RouteEdge> Edges { get; }

    /// <summary>The destination location index of each edge.</summary>
    public int[] Target { get; }

    public static LaneGraph Build(IReadOnlyList<RouteEdge> edges) => new(edges);

    /// <summary>The location's index, or false when no lane touches it.</summary>
    public bool TryIndex(string location, out int index) => _index.TryGetValue(location, out index);

    /// <summary>Edges leaving location <paramref name="location"/>, in catalogue order.</summary>
    public List<int> Out(int location) => _out[location];

    private int Index(string location)
    {
        if (_index.TryGetValue(location, out var i)) return i;
        _index[location] = i = _out.Count;
        _out.Add([]);
        return i;
    }
}
