namespace Trace.Node.Carbon.Footprint;

/// <summary>The life-cycle stage a footprint component belongs to.</summary>
public enum FootprintStage
{
    /// <summary>The batch record's own scope 1.</summary>
    OwnScope1 = 1,

    /// <summary>The batch record's own scope 2.</summary>
    OwnScope2 = 2,

    /// <summary>Allocated share of the producing transformation's process scope 1.</summary>
    ProcessScope1 = 3,

    /// <summary>Allocated share of the producing transformation's process scope 2.</summary>
    ProcessScope2 = 4,

    /// <summary>Allocated share of one input's embedded footprint.</summary>
    Input = 5,

    /// <summary>Allocated share of one transport leg on an input's way.</summary>
    TransportLeg = 6,

    /// <summary>A declared footprint.</summary>
    Declared = 7,
}
