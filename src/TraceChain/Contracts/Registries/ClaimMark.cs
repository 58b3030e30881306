using Trace.Crypto;

namespace Trace.Chain.Contracts.Registries;

/// <summary>One participant's endorsement of, or open flag on, a claim (endorsementOf / flagOf); all zero when there is none.</summary>
/// <param name="MarkedAt">Unix seconds the mark was made.</param>
/// <param name="Code">Endorsement code or flag reason (docs/contracts.md, "Reason and code conventions").</param>
/// <param name="By">The key that acted.</param>
public sealed record ClaimMark(ulong MarkedAt, ushort Code, EthereumAddress By)
{
    public bool Exists => MarkedAt != 0;
}
