namespace Trace.Node.Carbon.Factors;

/// <summary>This node never used a transport factor set with the given version.</summary>
public sealed class FactorSetNotFoundException(string version) : Exception($"this node never used a transport factor set '{version}'")
{
    /// <summary>The version asked for.</summary>
    public string Version { get; } = version;
}
