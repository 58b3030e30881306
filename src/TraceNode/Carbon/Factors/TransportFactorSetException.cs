namespace Trace.Node.Carbon.Factors;

/// <summary>A transport factor set file that cannot be used; the message names the file and the row or member at fault.</summary>
public sealed class TransportFactorSetException(string source, string path, string problem)
    : Exception($"transport factor set {source}: {path}: {problem}")
{
    /// <summary>The file (or "shipped set", "stored set ...") that was read.</summary>
    public string SetSource { get; } = source;

    /// <summary>The JSON path at fault, e.g. <c>rows[2] (rail).kgCO2ePerTonneKm</c>.</summary>
    public string Path { get; } = path;
}
