namespace Trace.Client.Standards.Pact;

/// <summary>A record a footprint rests on: its id (the key of its proof bundle), kind, role, on-chain status and standing.</summary>
/// <param name="Standing">Verified (CONFIRMED, not withdrawn), Unconfirmed or Withdrawn.</param>
public sealed record PactCitation(string RecordId, string Kind, string Role, string Status, string Standing, bool Primary, string BatchId);
