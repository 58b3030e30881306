using Trace.Chain.Contracts;
using Trace.Crypto;
using Trace.Node.Access;
using Trace.Node.Chain;

namespace Trace.Node.ContentAccess;

/// <summary>
/// <see cref="IParticipantKeys"/> from the ParticipantRegistry: a key's owner through <see cref="KeyStandings"/> (the
/// sign-in follower's cache, kept current from registry events), registration by a direct read.
/// </summary>
public sealed class RegistryParticipantKeys(KeyStandings standings, TraceContracts contracts) : IParticipantKeys
{
    /// <inheritdoc />
    public async Task<string?> ParticipantOfAsync(EthereumAddress key, CancellationToken ct) =>
        (await standings.GetAsync(key, ct).ConfigureAwait(false)).ParticipantId;

    /// <inheritdoc />
    public async Task<bool> IsRegisteredAsync(string participantId, CancellationToken ct)
    {
        try
        {
            var info = await contracts.Participants.ParticipantAsync(ParticipantIdText.Parse(participantId), ct).ConfigureAwait(false);
            return info.RegisteredAt != 0;
        }
        catch (ContractCallException e) when (e.ErrorName == "UnknownParticipant")
        {
            return false;
        }
        catch (ContractRevertException e) when (e.ErrorName == "UnknownParticipant")
        {
            return false;
        }
    }
}
