namespace Trace.Node.Lineage.Intake;

/// <summary>A unit of work for the lineage's single writer: a record to accept, or standings to refresh.</summary>
public abstract record LineageWork;
