namespace Trace.Domain;

/// <summary>One check of a verification: its name, whether it passed and what was compared.</summary>
public sealed record VerificationCheck(string Name, bool Passed, string Detail);
