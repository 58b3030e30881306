namespace Trace.Node.Carbon.Factors;

/// <summary>Gives the active transport factor set and any earlier version that footprints may cite.</summary>
public interface ITransportFactorProvider
{
    /// <summary>The set new footprints use.</summary>
    TransportFactorSet Active { get; }

    /// <summary>The set with this version, or null when this node never had it.</summary>
    TransportFactorSet? Find(string version);
}
