using System.Text;
using Trace.Chain.Contracts.Dtos.Evidence;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Crypto;

namespace Trace.Client.Verification;

/// <summary>
/// What a proof bundle's anchor and issuer are on chain, read from the chain alone: the anchoring block's time and the
/// issuer key's participant in the ParticipantRegistry the EvidenceRegistry names (its directory id, e.g. <c>lei:…</c>).
/// </summary>
public sealed record AnchorFacts(DateTimeOffset? AnchoredAt, string? IssuerParticipantId)
{
    /// <summary>Reads the facts; a fact the chain cannot give (no block, key unknown to the registry) is null.</summary>
    public static async Task<AnchorFacts> ReadAsync(ProofBundle bundle, EthRpc eth, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(eth);
        var block = await eth.GetBlockAsync(BlockTag.Number(bundle.BlockNumber), ct).ConfigureAwait(false);
        string? participant = null;
        try
        {
            var evidence = EvidenceRegistryClient.Connect(bundle.Registry, eth);
            var registryAddress = (await evidence.Contract.QueryAsync<ParticipantsFunction, ParticipantsOutput>(new(), ct: ct).ConfigureAwait(false)).ReturnValue1;
            var registry = ParticipantRegistryClient.Connect(EthereumAddress.Parse(registryAddress), eth);
            var key = await registry.KeyInfoAsync(bundle.Claim.Issuer, ct).ConfigureAwait(false);
            participant = DirectoryForm(key.ParticipantId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An unknown key reverts; the statement then names the key alone.
        }
        return new AnchorFacts(block is null ? null : DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp), participant);
    }

    /// <summary>
    /// The directory form of a 32-byte participant id: Trace's ids are ASCII "lei:…"/"gln:…" padded with zero bytes
    /// (docs/participants.md); any other id is 0x + 64 hex digits. Null for the zero id (no participant).
    /// </summary>
    public static string? DirectoryForm(byte[] id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.All(b => b == 0)) return null;
        var end = Array.IndexOf(id, (byte)0);
        var text = Encoding.ASCII.GetString(id, 0, end < 0 ? id.Length : end);
        var readable = (text.StartsWith("lei:", StringComparison.Ordinal) || text.StartsWith("gln:", StringComparison.Ordinal))
            && text.All(c => char.IsAsciiLetterOrDigit(c) || c == ':') && id.AsSpan(text.Length).IndexOfAnyExcept((byte)0) < 0;
        return readable ? text : Hex.Encode(id);
    }
}
