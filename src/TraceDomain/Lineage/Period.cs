namespace Trace.Domain.Lineage;

/// <summary>A time span such as a production period; <see cref="End"/> is not before <see cref="Start"/>.</summary>
public sealed record Period(DateTimeOffset Start, DateTimeOffset End);
