namespace Trace.Node.Carbon.Footprint;

/// <summary>Everything F(b), P(b) and V(b) of one batch depend on, read from its own records and its inputs' materialised figures.</summary>
public sealed record FootprintInput(decimal Quantity, StatedFigure? OwnScope1, StatedFigure? OwnScope2, DeclaredFigure? Declared, ProcessTerm? Process);
