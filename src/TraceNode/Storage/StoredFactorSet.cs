namespace Trace.Node.Storage;

/// <summary>A transport factor set as the index keeps it (see <c>TransportFactorSetEntity</c>).</summary>
/// <param name="Version">The set's version label.</param>
/// <param name="BodyJson">Its record body, canonical JSON without salt.</param>
/// <param name="Salt">The record's 32-byte salt.</param>
/// <param name="Nonce">The claim's 32-byte nonce.</param>
/// <param name="IssuedAt">The claim's issuedAt, Unix seconds.</param>
/// <param name="RecordId">The record it was submitted as, or null.</param>
/// <param name="FirstActivatedAt">When this node first made it active.</param>
/// <param name="LastActivatedAt">When this node last started with it active.</param>
public sealed record StoredFactorSet(string Version, string BodyJson, byte[] Salt, byte[] Nonce, long IssuedAt, string? RecordId,
    DateTimeOffset FirstActivatedAt, DateTimeOffset LastActivatedAt);
