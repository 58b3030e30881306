namespace Trace.Domain.Identifiers;

/// <summary>One GS1 element: an Application Identifier and its (decoded) value, e.g. (01) 09506000134352.</summary>
public sealed record Gs1Element(string Ai, string Value);
